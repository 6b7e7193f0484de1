namespace PepFunctions.Domain;

/// <summary>A corrections office: a UPT, a Kanwil or Ditjenpas.</summary>
/// <param name="Code">Stable upper-case code, e.g. <c>LPP-KUPANG</c>; it appears in case ids, so it never changes.</param>
/// <param name="Name">The official name, e.g. <c>Lapas Perempuan Kelas IIB Kupang</c>.</param>
/// <param name="Kind">Lapas, Rutan, Bapas, Kanwil or Ditjenpas.</param>
/// <param name="Province">The province the office serves; a Kanwil sees every office in its province.</param>
/// <param name="ParentCode">The office above it (a UPT's Kanwil, a Kanwil's Ditjenpas); <see langword="null"/> for Ditjenpas.</param>
public sealed record Office(string Code, string Name, OfficeKind Kind, string Province, string? ParentCode);
