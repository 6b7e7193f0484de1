using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PepFunctions.App.Http;
using PepFunctions.App.Web;

namespace PepFunctions.App.Reports;

/// <summary>The programme report: <c>GET /api/reports/programme?scope=&amp;from=&amp;to=</c>, and its rebuild (administrators).</summary>
public sealed class ReportsFunctions(StaffApi api, ProgrammeReportService reports, ProgrammeRebuild rebuild, StaffPages pages)
{
    /// <summary>The figures of a scope (an office, a province's Kanwil code, or NATIONAL) over whole months.</summary>
    [Function("ProgrammeReport")]
    public Task<IActionResult> ReportAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/reports/programme")] HttpRequest request) =>
        api.RunAsync(request, async (staff, cancellationToken) => TypedResults.Ok(await reports.ReportAsync(
            staff, request.Query["scope"], request.Query["from"], request.Query["to"], cancellationToken)));

    /// <summary>The same report as an Excel workbook, one sheet per section.</summary>
    [Function("ProgrammeReportWorkbook")]
    public Task<IActionResult> WorkbookAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/reports/programme.xlsx")] HttpRequest request) =>
        api.RunAsync(request, async (staff, cancellationToken) =>
        {
            var report = await reports.ReportAsync(staff, request.Query["scope"], request.Query["from"], request.Query["to"], cancellationToken);
            return TypedResults.File(ProgrammeWorkbook.Write(report), ProgrammeWorkbook.ContentType, $"laporan-{report.Scope.ToLowerInvariant()}-{report.From}-{report.To}.xlsx");
        });

    /// <summary>Recomputes every counter from the records (the timelines and the Pokmas Lipas activities); answers how many facts it wrote.</summary>
    [Function("RebuildProgrammeReport")]
    public Task<IActionResult> RebuildAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/reports/programme/rebuild")] HttpRequest request) =>
        api.RunAsAdministratorAsync(request, async (_, cancellationToken) => TypedResults.Ok(new { facts = await rebuild.RunAsync(cancellationToken) }));

    /// <summary><c>/laporan</c>: the report page, with charts, printable on A4.</summary>
    [Function("PageProgrammeReport")]
    public Task<IActionResult> PageAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "laporan")] HttpRequest request) =>
        pages.RunAsync(request);
}
