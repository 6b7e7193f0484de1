using System.Collections.Concurrent;
using System.Text.Json;

namespace PepFunctions.App.Tests.Faults;

/// <summary>
/// What the office lists say of every case, read by one staff member every second for all the walks: a hundred walks
/// each polling the API would load the runner more than the pipelines do.
/// </summary>
/// <param name="reader">A staff member who sees every office polled (a Kanwil coordinator of the province).</param>
/// <param name="offices">The offices whose lists are read.</param>
internal sealed class CaseBoard(StaffClient reader, IReadOnlyList<string> offices)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private volatile IReadOnlyList<Listed> _listed = [];
    private readonly ConcurrentQueue<string> _notes = new();

    /// <summary>A row of an office list.</summary>
    public sealed record Listed(string Office, string CaseId, string Stage, string? NextDue);

    /// <summary>The rows read last, across the offices.</summary>
    public IReadOnlyList<Listed> Rows => _listed;

    /// <summary>Reads the lists until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await RefreshAsync(cancellationToken);
                await Task.Delay(PollInterval, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>Reads every office's list once.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var rows = new List<Listed>();
        foreach (var office in offices)
        {
            var list = await reader.GetJsonAsync($"/api/cases?office={office}", Note, cancellationToken);
            rows.AddRange(list.EnumerateArray().Select(c => new Listed(
                office, c.GetProperty("caseId").GetString()!, c.GetProperty("stage").GetString()!,
                c.TryGetProperty("nextDue", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null)));
        }

        _listed = rows;
    }

    /// <summary>Waits until the case is listed at <paramref name="office"/> at <paramref name="stage"/> (and <paramref name="nextDue"/>, when given).</summary>
    public async Task WaitForAsync(string caseId, string office, string stage, string? nextDue, CancellationToken cancellationToken)
    {
        while (!_listed.Any(row => row.CaseId == caseId && row.Office == office && row.Stage == stage && (nextDue is null || row.NextDue == nextDue)))
        {
            await Task.Delay(PollInterval / 2, cancellationToken);
        }
    }

    private void Note(string note)
    {
        _notes.Enqueue(note);
        while (_notes.Count > 20 && _notes.TryDequeue(out _))
        {
        }
    }
}
