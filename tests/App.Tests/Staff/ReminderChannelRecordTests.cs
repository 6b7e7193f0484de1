using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PepFunctions.App.Tests.Support;
using PepFunctions.Domain;

namespace PepFunctions.App.Tests.Staff;

/// <summary>The reminder channel on a staff record: chosen over the API, checked against the phone, kept when a client leaves it out.</summary>
public sealed class ReminderChannelRecordTests(FeatureApp app) : IClassFixture<FeatureApp>
{
    [Fact]
    public async Task PutStaff_WhatsAppThenARecordWithoutTheChannel_KeepsWhatsApp()
    {
        var admin = await app.SignInAsync("admin");
        var record = StaffDirectoryTests.Record("mentor.kupang", StaffRole.PokmasMentor, Offices.BapasKupang, supervisor: "pk.kupang");
        record["phone"] = "0812-3456-7890";
        record["reminderChannel"] = "WhatsApp";
        using (var chosen = await admin.PutAsJsonAsync("/api/staff/mentor.kupang", record))
        {
            Assert.True(chosen.IsSuccessStatusCode, await chosen.Content.ReadAsStringAsync());
        }

        record.Remove("reminderChannel");
        using (var again = await admin.PutAsJsonAsync("/api/staff/mentor.kupang", record))
        {
            Assert.True(again.IsSuccessStatusCode, await again.Content.ReadAsStringAsync());
        }

        var read = await admin.GetFromJsonAsync<JsonElement>("/api/staff/mentor.kupang");
        Assert.Equal("WhatsApp", read.GetProperty("reminderChannel").GetString());
    }

    [Fact]
    public async Task PutStaff_SmsWithoutAPhone_Answers400NamingThePhone()
    {
        var admin = await app.SignInAsync("admin");
        var record = StaffDirectoryTests.Record("lapas.kupang", StaffRole.LapasOfficer, Offices.LppKupang);
        record["reminderChannel"] = "Sms";

        using var response = await admin.PutAsJsonAsync("/api/staff/lapas.kupang", record);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("phone", out _), problem.GetRawText());
    }
}
