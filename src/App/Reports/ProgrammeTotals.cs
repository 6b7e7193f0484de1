namespace PepFunctions.App.Reports;

/// <summary>Adds a scope's facts up into the report's figures.</summary>
internal static class ProgrammeTotals
{
    /// <summary>The report of <paramref name="facts"/>; <paramref name="pokmasMembers"/> is each group's member count, by group id.</summary>
    public static ProgrammeReport Add(
        string scope, string scopeName, string from, string to, IReadOnlyList<string> offices, IReadOnlyList<string> months,
        IReadOnlyList<ProgrammeFact> facts, IReadOnlyDictionary<string, int> pokmasMembers)
    {
        var by = facts.ToLookup(f => f.Figure);
        int Count(ProgrammeFigure figure) => by[figure].Count();
        IReadOnlyDictionary<string, int> ByDimension(ProgrammeFigure figure) =>
            by[figure].GroupBy(f => f.Dimension ?? "").OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());

        var finished = Count(ProgrammeFigure.TrainingFinished);
        var trained = Count(ProgrammeFigure.Trained);
        var people = new PeopleFigures(
            Count(ProgrammeFigure.Enrolled), Count(ProgrammeFigure.Assessed), Count(ProgrammeFigure.PlacedInTraining), trained, finished,
            finished == 0 ? null : Math.Round(100m * trained / finished, 1),
            ByDimension(ProgrammeFigure.Trained),
            by[ProgrammeFigure.Trained].GroupBy(f => f.Detail ?? "").OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            Count(ProgrammeFigure.Released), ByDimension(ProgrammeFigure.Released), Count(ProgrammeFigure.MentoringStarted),
            Count(ProgrammeFigure.Graduated), Count(ProgrammeFigure.Withdrawn), ByDimension(ProgrammeFigure.Withdrawn));

        var done = ByDimension(ProgrammeFigure.FollowUpDone);
        var followUps = new FollowUpFigures(
            Count(ProgrammeFigure.FollowUpDue), done.GetValueOrDefault("onTime"), done.GetValueOrDefault("late"), Count(ProgrammeFigure.FollowUpOverdue));

        var disbursed = by[ProgrammeFigure.ReferralDisbursed].ToList();
        var capital = new CapitalFigures(
            Count(ProgrammeFigure.ReferralSent), Count(ProgrammeFigure.ReferralAccepted), Count(ProgrammeFigure.ReferralRejected),
            disbursed.Count, disbursed.Sum(f => f.Amount),
            disbursed.GroupBy(f => f.Dimension ?? "").OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => new DisbursedFigures(g.Count(), g.Sum(f => f.Amount))),
            ByDimension(ProgrammeFigure.PermitObtained));

        var sales = by[ProgrammeFigure.Sales].Where(f => f.Amount > 0).ToList();
        var marketing = new MarketingFigures(
            Count(ProgrammeFigure.ProductRegistered), Count(ProgrammeFigure.ProductNominated), Count(ProgrammeFigure.ProductCurated),
            Count(ProgrammeFigure.ProductShowcased), sales.Sum(f => f.Amount), sales.Select(f => f.Person).Distinct(StringComparer.Ordinal).Count(),
            [.. months.Select(month => sales.Where(f => f.Month == month).ToList())
                .Zip(months, (inMonth, month) => new MonthlySalesFigures(month, inMonth.Sum(f => f.Amount), inMonth.Select(f => f.Person).Distinct(StringComparer.Ordinal).Count()))]);

        var activities = by[ProgrammeFigure.PokmasActivity].ToList();
        var activeGroups = activities.Select(f => f.Detail ?? "").Distinct(StringComparer.Ordinal);
        var pokmas = new PokmasFigures(
            pokmasMembers.Count, activeGroups.Sum(group => pokmasMembers.GetValueOrDefault(group)), activities.Count, activities.Sum(f => f.Amount));

        return new ProgrammeReport(scope, scopeName, from, to, offices, people, followUps, capital, marketing, pokmas);
    }
}
