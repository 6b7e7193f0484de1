namespace PepFunctions.App.Web.Localization;

internal static partial class StringTable
{
    private static IEnumerable<string> AllTables() => [Chrome, CasePages, BusinessPages, Dashboard, TrainingPages, EnumNames, Messages, AdminPages, PipelinePages, StaffPages, CataloguePages, PokmasPages, PrivacyPages, ReportPages, FieldPages];
}
