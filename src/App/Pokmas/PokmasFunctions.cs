using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PepFunctions.App.Http;
using PepFunctions.App.Web;

namespace PepFunctions.App.Pokmas;

/// <summary>The Pokmas Lipas JSON API: <c>/api/pokmas/groups</c> and their activities. Every function needs a signed-in member of staff.</summary>
public sealed class PokmasFunctions(StaffApi api, StaffActions actions, PokmasService pokmas, StaffPages pages)
{
    /// <summary>Sets up a group at an office.</summary>
    [Function("CreatePokmasGroup")]
    public Task<IActionResult> CreateGroupAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/pokmas/groups")] HttpRequest request) =>
        actions.With<PokmasGroupRequest>(request).RunOnceAsync("pokmas",
            (staff, body, key, ct) => pokmas.CreateGroupAsync(staff, body, key, ct),
            group => TypedResults.Created($"/api/pokmas/groups/{group.GroupId}", group));

    /// <summary>The groups of <c>?office=</c>, or of every office the member sees.</summary>
    [Function("ListPokmasGroups")]
    public Task<IActionResult> ListGroupsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/pokmas/groups")] HttpRequest request) =>
        api.RunAsync(request, async (staff, cancellationToken) =>
            TypedResults.Ok(await pokmas.ListGroupsAsync(staff, request.Query["office"].FirstOrDefault() is { Length: > 0 } office ? office : null, cancellationToken)));

    /// <summary>One group with its members.</summary>
    [Function("GetPokmasGroup")]
    public Task<IActionResult> GetGroupAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/pokmas/groups/{groupId}")] HttpRequest request, string groupId) =>
        api.RunAsync(request, async (staff, cancellationToken) => TypedResults.Ok(await pokmas.GetGroupAsync(staff, groupId, cancellationToken)));

    /// <summary>Records an activity the group held; each participant's timeline shows it.</summary>
    [Function("RecordPokmasActivity")]
    public Task<IActionResult> RecordActivityAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/pokmas/groups/{groupId}/activities")] HttpRequest request, string groupId) =>
        actions.With<PokmasActivityRequest>(request).RunOnceAsync(groupId,
            (staff, body, key, ct) => pokmas.RecordActivityAsync(staff, groupId, body, key, ct),
            activity => TypedResults.Created($"/api/pokmas/groups/{groupId}/activities", activity));

    /// <summary>The group's activities, newest first.</summary>
    [Function("ListPokmasActivities")]
    public Task<IActionResult> ListActivitiesAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/pokmas/groups/{groupId}/activities")] HttpRequest request, string groupId) =>
        api.RunAsync(request, async (staff, cancellationToken) => TypedResults.Ok(await pokmas.ListActivitiesAsync(staff, groupId, cancellationToken)));

    /// <summary><c>/pokmas</c>: the groups, and setting one up.</summary>
    [Function("PagePokmas")]
    public Task<IActionResult> PageAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "pokmas")] HttpRequest request) =>
        pages.RunAsync(request);

    /// <summary><c>/pokmas/{groupId}</c>: a group's members and activities, and recording one.</summary>
    [Function("PagePokmasGroup")]
    public Task<IActionResult> GroupPageAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "pokmas/{groupId}")] HttpRequest request) =>
        pages.RunAsync(request);
}
