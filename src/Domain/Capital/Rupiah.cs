using System.Globalization;

namespace PepFunctions.Domain;

/// <summary>Writes rupiah amounts the Indonesian way.</summary>
public static class Rupiah
{
    private static readonly NumberFormatInfo Indonesian = new() { NumberGroupSeparator = ".", NumberDecimalSeparator = "," };

    /// <summary>E.g. <c>Rp10.000.000</c> for ten million; culture-independent, so it works with invariant globalization.</summary>
    public static string Format(long amount) => "Rp" + amount.ToString("#,0", Indonesian);
}
