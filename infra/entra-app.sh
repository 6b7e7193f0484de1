#!/usr/bin/env bash
# The Entra ID app registration that App Service authentication signs staff in with.
# Two steps, around the deployment (see infra/README.md, "Deploy"):
#
#   infra/entra-app.sh register "PEP Functions (prod)"
#       Creates the registration (single tenant, ID tokens for the sign-in redirect, api://<client id>)
#       and its service principal with "assignment required" on. Prints the tenant and client ids for
#       infra/main.bicepparam.
#
#   infra/entra-app.sh connect <client id> <resource group> [deployment name, default: main]
#       After the deployment: adds the app's sign-in callback URL as redirect URI, and trusts the app's
#       managed identity as a federated credential, so App Service authentication needs no client secret.
#
# Needs the Azure CLI signed in (`az login`) as someone who may create app registrations.
set -euo pipefail

usage() {
  sed -n '2,16p' "$0" >&2
  exit 2
}

register() {
  local name=$1
  echo "+ az ad app create --display-name \"$name\"" >&2
  local client_id
  client_id=$(az ad app create --display-name "$name" --sign-in-audience AzureADMyOrg \
    --enable-id-token-issuance true --query appId --output tsv)
  echo "+ az ad app update --id $client_id --identifier-uris api://$client_id" >&2
  az ad app update --id "$client_id" --identifier-uris "api://$client_id"
  echo "+ az ad sp create --id $client_id (only users and groups assigned to it may sign in)" >&2
  az ad sp create --id "$client_id" --output none
  az ad sp update --id "$client_id" --set appRoleAssignmentRequired=true
  echo "authTenantId = '$(az account show --query tenantId --output tsv)'"
  echo "authClientId = '$client_id'"
  echo "Next: put both into infra/main.bicepparam, deploy, then run: $0 connect $client_id <resource group>" >&2
}

connect() {
  local client_id=$1 resource_group=$2 deployment=${3:-main}
  output() {
    az deployment group show --resource-group "$resource_group" --name "$deployment" \
      --query "properties.outputs.$1.value" --output tsv
  }
  local url principal_id tenant_id
  url=$(output AZURE_FUNCTION_APP_URL)
  principal_id=$(output AZURE_IDENTITY_PRINCIPAL_ID)
  tenant_id=$(az account show --query tenantId --output tsv)

  echo "+ az ad app update --id $client_id --web-redirect-uris $url/.auth/login/aad/callback" >&2
  az ad app update --id "$client_id" --web-redirect-uris "$url/.auth/login/aad/callback"

  if [[ -n $(az ad app federated-credential list --id "$client_id" --query "[?subject=='$principal_id'].name" --output tsv) ]]; then
    echo "The app's managed identity is already a federated credential of $client_id." >&2
    return
  fi
  echo "+ az ad app federated-credential create --id $client_id (subject: managed identity $principal_id)" >&2
  az ad app federated-credential create --id "$client_id" --parameters "$(cat <<JSON
{
  "name": "pep-functions-app-identity",
  "issuer": "https://login.microsoftonline.com/$tenant_id/v2.0",
  "subject": "$principal_id",
  "audiences": ["api://AzureADTokenExchange"],
  "description": "App Service authentication of the PEP function app signs in with its managed identity instead of a secret."
}
JSON
)" --output none
  echo "Done. Assign staff (or a staff group) to the enterprise application '$client_id' in Entra ID." >&2
}

case "${1:-}" in
  register) [[ $# -eq 2 ]] || usage; register "$2" ;;
  connect) [[ $# -ge 3 && $# -le 4 ]] || usage; connect "${@:2}" ;;
  *) usage ;;
esac
