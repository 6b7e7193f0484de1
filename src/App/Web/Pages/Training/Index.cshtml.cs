using Microsoft.AspNetCore.Mvc;
using PepFunctions.App.Http;
using PepFunctions.App.Training;
using PepFunctions.Domain;

namespace PepFunctions.App.Web.Pages.Training;

/// <summary><c>/pelatihan</c>: the training batches of the offices the staff member sees, and opening a new one.</summary>
internal sealed class IndexModel(TrainingService training) : StaffPageModel
{
    [BindProperty]
    public BatchForm Batch { get; set; } = new();

    public IReadOnlyList<BatchResponse> Batches { get; private set; } = [];

    /// <summary>The Lapas and Rutan where the staff member may open batches.</summary>
    public IReadOnlyList<Office> TrainingOffices =>
        [.. Offices.Seed.Where(o => o.Kind is OfficeKind.Lapas or OfficeKind.Rutan && AccessPolicy.CanPerform(Staff, PipelineAction.ManageTraining, o.Code))];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var request = new CreateBatchRequest(Batch.Track, Batch.OfficeCode, Batch.Partner, Batch.StartDate, Batch.EndDate, Batch.Sessions, Batch.Capacity);
        BatchResponse? created = null;
        if (await TrySubmitAsync(nameof(Batch), async () => created = await training.CreateBatchAsync(Staff, request, await IdempotencyKeys.ForAsync(Request, Staff, cancellationToken), cancellationToken)))
        {
            return Redirect($"/pelatihan/{Uri.EscapeDataString(created!.BatchId)}?saved=Batch");
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Batches = [.. (await training.ListBatchesAsync(Staff, null, cancellationToken)).OrderByDescending(b => b.StartDate)];
}

/// <summary>A new training batch.</summary>
internal sealed class BatchForm
{
    public TrainingTrack? Track { get; set; }

    public string? OfficeCode { get; set; }

    public string? Partner { get; set; }

    public DateOnly? StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    public int? Sessions { get; set; }

    public int? Capacity { get; set; }
}
