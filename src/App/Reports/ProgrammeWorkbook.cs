using System.Globalization;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PepFunctions.App.Reports;

/// <summary>
/// The programme report as an Excel workbook: a sheet for the scope and one per section (<c>people</c>, <c>followUps</c>,
/// <c>capital</c>, <c>marketing</c>, <c>pokmas</c>), each a column of the JSON report's figure names and a column of values,
/// so the workbook and <c>GET /api/reports/programme</c> say the same under the same names.
/// </summary>
internal static class ProgrammeWorkbook
{
    /// <summary>The workbook's content type.</summary>
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Writes <paramref name="report"/> as a workbook.</summary>
    public static byte[] Write(ProgrammeReport report)
    {
        var json = JsonSerializer.SerializeToElement(report, Json);
        var sheets = new List<(string Name, List<(string Figure, JsonElement Value)> Rows)>
        {
            ("scope", [.. json.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Object).SelectMany(p => Flatten(p.Name, p.Value))]),
        };
        sheets.AddRange(json.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Object)
            .Select(p => (p.Name, p.Value.EnumerateObject().SelectMany(figure => Flatten(figure.Name, figure.Value)).ToList())));

        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            uint id = 1;
            foreach (var (name, rows) in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData(new Row(Text("figure"), Text("value")));
                foreach (var (figure, value) in rows)
                {
                    data.Append(new Row(Text(figure), Cell(value)));
                }

                part.Worksheet = new Worksheet(data);
                workbook.Workbook.Sheets!.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = name });
            }
        }

        return stream.ToArray();
    }

    /// <summary>A figure's rows: a number or text is one; a breakdown (<c>trainedByTrack</c>) or a list (<c>salesByMonth</c>) is one per item, named by its path.</summary>
    private static IEnumerable<(string Figure, JsonElement Value)> Flatten(string path, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => value.EnumerateObject().SelectMany(p => Flatten($"{path}.{p.Name}", p.Value)),
        JsonValueKind.Array => value.EnumerateArray().SelectMany((item, i) => Flatten(string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"), item)),
        _ => [(path, value)],
    };

    private static Cell Cell(JsonElement value) => value.ValueKind == JsonValueKind.Number
        ? new Cell { DataType = CellValues.Number, CellValue = new CellValue(value.GetRawText()) }
        : Text(value.ValueKind == JsonValueKind.Null ? "" : value.ToString());

    private static Cell Text(string text) => new() { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) };
}
