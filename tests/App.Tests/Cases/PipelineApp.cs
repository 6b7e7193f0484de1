namespace PepFunctions.App.Tests.Cases;

/// <summary>
/// <see cref="CaseApp"/> with the pipeline shortened to seconds — assessment deadline 5 s; two follow-ups 8 s apart,
/// reminded 2 s before and overdue 2 s after; one month of sales to graduate; a programme period of 2 minutes — and
/// the timers on, so notifications are delivered within a second.
/// </summary>
public class PipelineApp : CaseApp
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        .. base.Settings,
        Set("Pipeline:AssessmentDeadline", "00:00:05"),
        Set("Pipeline:FollowUpInterval", "00:00:08"),
        Set("Pipeline:FollowUpCount", "2"),
        Set("Pipeline:ReminderLead", "00:00:02"),
        Set("Pipeline:GracePeriod", "00:00:02"),
        Set("Pipeline:ProgrammePeriod", "00:02:00"),
        Set("Pipeline:GraduationMonths", "1"),
    ];

    protected override bool RunTimers => true;
}
