using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;
using PepFunctions.App.Cases;
using PepFunctions.App.Http;
using PepFunctions.App.Instances;
using PepFunctions.Domain;

namespace PepFunctions.App.Web.Pages.Admin;

/// <summary>
/// <c>/kelola/alur</c>: the case pipelines that stopped (Failed or Terminated), each with its reason and a restart
/// button, for administrators (others get 403). The first 100; the API pages through the rest.
/// </summary>
internal sealed class StoppedPipelinesModel(CaseService cases) : StaffPageModel
{
    /// <summary>The page's own path, where a restart returns.</summary>
    public const string Path = "/kelola/alur";

    private const int PageSize = 100;

    /// <summary>The case whose pipeline a restart form starts again.</summary>
    [BindProperty(Name = "caseId")]
    public string? CaseId { get; set; }

    public IReadOnlyList<InstanceSummary> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        RequireAdministrator();
        var filter = new OrchestrationQuery
        {
            Statuses = [OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated],
            PageSize = PageSize,
            FetchInputsAndOutputs = true,
        };
        await foreach (var page in Pipelines.GetAllInstancesAsync(filter).AsPages(pageSizeHint: PageSize).WithCancellation(cancellationToken))
        {
            Items = [.. page.Values.Where(i => i.Name == nameof(CasePipeline)).Select(InstanceSummary.From)];
            break;
        }
    }

    /// <summary>Restarts one; a second post (a double click, a reload) starts nothing more.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        RequireAdministrator();
        await cases.RestartPipelineAsync(Staff, CaseId ?? "", Pipelines, cancellationToken);
        return Redirect(Path);
    }

    private void RequireAdministrator()
    {
        if (Staff.Role != StaffRole.Administrator)
        {
            throw new ForbiddenException("Only an administrator may see or restart stopped pipelines.");
        }
    }
}
