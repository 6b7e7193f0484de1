namespace PepFunctions.Benchmarks;

/// <summary>The figures of one run, printed as they come and again as one Markdown table at the end.</summary>
internal sealed class Report
{
    private readonly List<Figure> _figures = [];

    public void Add(string part, string measure, string value, string goal = "")
    {
        var figure = new Figure(part, measure, value, goal);
        _figures.Add(figure);
        Console.WriteLine($"  {part} | {measure}: {value}{(goal.Length > 0 ? $"  [{goal}]" : "")}");
    }

    public static void Say(string line) => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {line}");

    public void PrintTable()
    {
        Console.WriteLine();
        Console.WriteLine("| part | measure | result | goal |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var f in _figures)
        {
            Console.WriteLine($"| {f.Part} | {f.Measure} | {f.Value} | {f.Goal} |");
        }
    }

    /// <summary>The nearest-rank percentile <paramref name="p"/> (0-100) of <paramref name="values"/>.</summary>
    public static double Percentile(IReadOnlyCollection<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    /// <summary>p50 / p95 / max in milliseconds.</summary>
    public static string Latencies(IReadOnlyCollection<double> milliseconds) =>
        $"p50 {Percentile(milliseconds, 50):F0} ms, p95 {Percentile(milliseconds, 95):F0} ms, max {milliseconds.Max():F0} ms (n={milliseconds.Count})";

    private sealed record Figure(string Part, string Measure, string Value, string Goal);
}
