using static PepFunctions.Domain.BusinessType;
using static PepFunctions.Domain.TrainingTrack;

namespace PepFunctions.Domain;

/// <summary>The profile of every <see cref="TrainingTrack"/>, and its display names.</summary>
public static class TrainingTrackCatalog
{
    /// <summary>One profile per track, in declaration order.</summary>
    public static IReadOnlyList<TrackProfile> All { get; } =
    [
        //  track                     Indonesian name               English name                              business types                                     reading heavy
        new(Batik,                    "Batik tulis dan cap",        "Hand-drawn and stamped batik",           [Fashion, BusinessType.Crafts],                    false,  false),
        new(BatikProducts,            "Diversifikasi kain batik",   "Batik cloth products",                   [Fashion, Trade],                                  false,  false),
        new(FoodProcessing,           "Olahan pangan",              "Food processing",                        [Food, Trade],                                     true,   false),
        new(Snacks,                   "Makanan ringan siap saji",   "Ready-to-eat snacks",                    [Food, Trade],                                     true,   false),
        new(Salon,                    "Salon kecantikan",           "Beauty salon",                           [Beauty],                                          false,  false),
        new(TrainingTrack.Crafts,     "Kerajinan tangan",           "Handicrafts",                            [BusinessType.Crafts, Trade],                      false,  false),
        new(Sewing,                   "Menjahit",                   "Sewing",                                 [Fashion],                                         false,  false),
        new(VirginCoconutOil,         "Minyak kelapa murni (VCO)",  "Virgin coconut oil",                     [Food, Agriculture],                               true,   false),
        new(TenunWeaving,             "Tenun ikat",                 "Ikat weaving",                           [BusinessType.Crafts, Fashion],                    false,  true),
        new(UpcycledFurniture,        "Mebel dari barang bekas",    "Furniture from used bottles and tyres",  [BusinessType.Crafts],                             false,  true),
        new(Farming,                  "Hasil pertanian",            "Farm produce",                           [Agriculture, Trade],                              false,  true),
    ];

    /// <summary>The profile of <paramref name="track"/>.</summary>
    public static TrackProfile Profile(this TrainingTrack track) =>
        All.FirstOrDefault(profile => profile.Track == track)
        ?? throw new ArgumentOutOfRangeException(nameof(track), track, "The track catalogue has no profile for this track.");

    /// <summary>The name staff use, e.g. <c>Tenun ikat</c>.</summary>
    public static string IndonesianName(this TrainingTrack track) => track.Profile().IndonesianName;

    /// <summary>The English name, e.g. <c>Ikat weaving</c>.</summary>
    public static string EnglishName(this TrainingTrack track) => track.Profile().EnglishName;
}
