// Example values for one production environment. The tenant and client ids are made up: put in the
// ones `infra/entra-app.sh register` prints. Deploy with
//   az deployment group create -g rg-pep-prod -f infra/main.bicep -p infra/main.bicepparam
using 'main.bicep'

// azd sets AZURE_ENV_NAME; a plain `az deployment` uses 'prod'.
param environmentName = readEnvironmentVariable('AZURE_ENV_NAME', 'prod')

// Southeast Asia (Singapore) offers Flex Consumption; see infra/README.md on Indonesia Central.
param location = 'southeastasia'

param authTenantId = '8f3c2a71-5d4e-4b9a-9c1f-2e7d6a0b4c35'
param authClientId = 'c4b1e7d2-9a3f-4e6b-8d0c-1f5a2b7e9d46'

param alertEmail = 'pep-ops@example.org'

// The first administrator(s): their Entra ID sign-in names, comma-separated. They add every other staff member.
param bootstrapAdministrators = 'admin.pep@example.org'

param smtpHost = 'smtp.example.org'
param smtpFrom = 'pep-noreply@example.org'
param smtpRecipientDomain = 'example.org'
// Only if the relay needs a login: taken from the environment of the deploying shell, never written here.
param smtpUserName = readEnvironmentVariable('PEP_SMTP_USER', '')
param smtpPassword = readEnvironmentVariable('PEP_SMTP_PASSWORD', '')
// The case id key (Privacy__CaseIdKey): from the deploying shell, never written here; the app does not start without it.
param caseIdKey = readEnvironmentVariable('PEP_CASE_ID_KEY', '')

// Scale: one always-ready instance keeps the Durable Functions task hub listening (timers, staff
// events); the HTTP group scales from zero. See infra/README.md, "Scale".
param alwaysReadyDurableInstances = 1
param alwaysReadyHttpInstances = 0
param maximumInstanceCount = 40
