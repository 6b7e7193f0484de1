using PepFunctions.App.Cases;

namespace PepFunctions.App.Tests.Cases;

public sealed class CsvTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("plain", "plain")]
    [InlineData("Bui, Maria", "\"Bui, Maria\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+62 812", "'+62 812")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    public void Escape_Value_IsSafeForSpreadsheets(string? value, string expected) => Assert.Equal(expected, Csv.Escape(value));
}
