using System.Globalization;
using PepFunctions.App.Privacy;
using PepFunctions.App.Web.Localization;
using PepFunctions.Domain;

namespace PepFunctions.App.Tests.Privacy;

public sealed class ConsentMessageTests
{
    [Theory]
    [InlineData(ConsentPurpose.ShareWithFinancingPartners, "Belum ada persetujuan untuk dibagikan ke mitra pembiayaan")]
    [InlineData(ConsentPurpose.ProductPromotion, "Belum ada persetujuan untuk promosi produk")]
    [InlineData(ConsentPurpose.ShareWithMentors, "Belum ada persetujuan untuk dibagikan ke pendamping")]
    public void Missing_OnAPageInBahasaIndonesia_NamesTheConsent(ConsentPurpose purpose, string expected)
    {
        var message = CaseConsents.Missing("case-abc", purpose).Message;
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("id");
        try
        {
            var shown = ServiceMessages.Translate(message, StringTable.Localizer());

            Assert.Contains(purpose.ToString(), message, StringComparison.Ordinal);
            Assert.StartsWith(expected, shown, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }
}
