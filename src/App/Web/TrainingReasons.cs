using System.Globalization;
using Microsoft.Extensions.Localization;

namespace PepFunctions.App.Web;

/// <summary>
/// Why a participant completed a training or not, in the page's language, from the result's values (not the English sentence the
/// service keeps): e.g. <c>Kehadiran 0 % (&lt; 80 %) · lulus ujian akhir</c>.
/// </summary>
internal static class TrainingReasons
{
    /// <summary>The reason; null before the final assessment is recorded.</summary>
    public static string? Text(IStringLocalizer l, bool? passed, decimal? attendancePercent, int thresholdPercent)
    {
        if (passed is not { } ok || attendancePercent is not { } percent)
        {
            return null;
        }

        var shown = percent.ToString("0.#", CultureInfo.CurrentCulture);
        var attendance = percent >= thresholdPercent
            ? l["TrainingReason.AttendanceMet", shown, thresholdPercent].Value
            : l["TrainingReason.AttendanceBelow", shown, thresholdPercent].Value;
        return $"{attendance} · {(ok ? l["TrainingReason.Passed"] : l["TrainingReason.NotPassed"])}";
    }
}
