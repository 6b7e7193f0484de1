using PepFunctions.Domain;

namespace PepFunctions.App.Pokmas;

/// <summary>A new Pokmas Lipas: <c>POST /api/pokmas/groups</c>.</summary>
public sealed record PokmasGroupRequest(string? Name, string? OfficeCode, IReadOnlyList<PokmasMember>? Members);

/// <summary>A Pokmas Lipas as the API shows it.</summary>
public sealed record PokmasGroupResponse(
    string GroupId, string Name, string OfficeCode, IReadOnlyList<PokmasMember> Members, string CreatedBy, DateTimeOffset CreatedAt);

/// <summary>An activity a group held: <c>POST /api/pokmas/groups/{groupId}/activities</c>.</summary>
public sealed record PokmasActivityRequest(
    DateOnly? Date, PokmasActivityKind? Kind, string? Place, IReadOnlyList<string>? Participants, int? OtherAttendees);

/// <summary>An activity as the API shows it.</summary>
public sealed record PokmasActivityResponse(
    string ActivityId, string GroupId, string OfficeCode, DateOnly Date, PokmasActivityKind Kind, string Place,
    IReadOnlyList<string> Participants, int OtherAttendees, int Reached, string RecordedBy, DateTimeOffset RecordedAt);
