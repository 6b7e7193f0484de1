namespace PepFunctions.Domain;

/// <summary>The province names used by <see cref="Office.Province"/>, spelled one way so they compare equal.</summary>
public static class Provinces
{
    /// <summary>Nusa Tenggara Timur (NTT, East Nusa Tenggara): Kupang, Kalabahi.</summary>
    public const string NusaTenggaraTimur = "Nusa Tenggara Timur";

    /// <summary>Banten: Tangerang.</summary>
    public const string Banten = "Banten";

    /// <summary>Sumatera Selatan (South Sumatra): Palembang.</summary>
    public const string SumateraSelatan = "Sumatera Selatan";

    /// <summary>DKI Jakarta, where Ditjenpas sits.</summary>
    public const string DkiJakarta = "DKI Jakarta";
}
