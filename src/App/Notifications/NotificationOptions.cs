using System.ComponentModel.DataAnnotations;

namespace PepFunctions.App.Notifications;

/// <summary>How notifications are delivered (configuration section <c>Notifications</c>).</summary>
public sealed class NotificationOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Notifications";

    /// <summary>The setting the <c>SendNotifications</c> timer reads its schedule from (<c>%Notifications:SendSchedule%</c>).</summary>
    public const string SendScheduleKey = SectionName + ":" + nameof(SendSchedule);

    /// <summary>
    /// When the outbox is sent: a six-field NCRONTAB expression (with seconds, in UTC), as timer triggers use; every
    /// minute by default.
    /// </summary>
    /// <remarks>
    /// The Functions host reads the <c>SendNotifications</c> schedule from the app setting itself, so the setting
    /// (<c>Notifications__SendSchedule</c>) must be present wherever the app runs; it is bound here to be validated on start.
    /// </remarks>
    public string SendSchedule { get; set; } = "0 */1 * * * *";

    /// <summary>The wait before the second try of a failed delivery; it doubles on every further failure.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between tries; 1 hour.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "7.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Tries before a notification is given up (it stays in the outbox, marked failed, for an operator).</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 10;

    /// <summary>How long a sender holds a notification it claimed before another sender may try it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Notifications claimed at a time; a run claims batch after batch while they come back full.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 20;

    /// <summary>E-mail delivery; notifications are only logged while <see cref="SmtpOptions.Host"/> is empty.</summary>
    public SmtpOptions Smtp { get; set; } = new();
}

/// <summary>The SMTP server notifications are e-mailed through (section <c>Notifications:Smtp</c>).</summary>
public sealed class SmtpOptions
{
    /// <summary>The server; empty to log notifications instead of e-mailing them.</summary>
    public string? Host { get; set; }

    /// <summary>The server's port; 25 by default.</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 25;

    /// <summary>Whether to use TLS (STARTTLS) towards the server.</summary>
    public bool EnableSsl { get; set; }

    /// <summary>The sender address.</summary>
    public string From { get; set; } = "pep-notifications@localhost";

    /// <summary>Staff are e-mailed at <c>{username}@{RecipientDomain}</c>.</summary>
    public string? RecipientDomain { get; set; }

    /// <summary>The user name to authenticate to the server with; empty for none.</summary>
    public string? UserName { get; set; }

    /// <summary>The password that goes with <see cref="UserName"/> (an app setting, never logged).</summary>
    public string? Password { get; set; }
}
