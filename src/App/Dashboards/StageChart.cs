using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace PepFunctions.App.Dashboards;

/// <summary>A horizontal bar chart drawn on the server as inline SVG: no script, readable on a phone, printable.</summary>
internal static class StageChart
{
    private const int BarHeight = 22;
    private const int Gap = 8;
    private const int LabelWidth = 190;
    private const int BarArea = 240;
    private const int Width = LabelWidth + BarArea + 50;

    /// <summary>One bar per (label, value), in the order given; <paramref name="title"/> is the accessible name.</summary>
    public static string Render(string title, IReadOnlyList<(string Label, int Value)> bars)
    {
        var max = Math.Max(1, bars.Count == 0 ? 1 : bars.Max(b => b.Value));
        var height = Math.Max(1, bars.Count) * (BarHeight + Gap);
        var svg = new StringBuilder();
        var html = HtmlEncoder.Default;
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" role=\"img\" aria-label=\"{html.Encode(title)}\" viewBox=\"0 0 {Width} {height}\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{html.Encode(title)}</title>");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value) = bars[i];
            var y = i * (BarHeight + Gap);
            var width = value == 0 ? 0 : Math.Max(2, value * BarArea / max);
            svg.Append(CultureInfo.InvariantCulture,
                $"<g><text x=\"{LabelWidth - 8}\" y=\"{y + 16}\" text-anchor=\"end\" font-size=\"13\" fill=\"#1d2428\">{html.Encode(label)}</text>" +
                $"<rect x=\"{LabelWidth}\" y=\"{y}\" width=\"{width}\" height=\"{BarHeight}\" rx=\"3\" fill=\"#0d6b5a\"><title>{html.Encode(label)}: {value}</title></rect>" +
                $"<text x=\"{LabelWidth + width + 6}\" y=\"{y + 16}\" font-size=\"13\" font-weight=\"700\" fill=\"#1d2428\">{value}</text></g>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }
}
