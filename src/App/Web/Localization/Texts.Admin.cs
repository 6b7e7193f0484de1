namespace PepFunctions.App.Web.Localization;

/// <summary>The administrators' pages: notifications that gave up.</summary>
internal static partial class StringTable
{
    private const string AdminPages = """
        # key                               | Bahasa Indonesia                                        | English
        Nav.FailedNotifications             | Notifikasi gagal                                        | Failed notifications
        FailedNotifications.Title           | Notifikasi yang gagal dikirim                           | Notifications that gave up
        FailedNotifications.Intro           | Pengirim berhenti mencoba notifikasi ini setelah percobaan terakhirnya gagal. Perbaiki penyebabnya (misalnya pengaturan SMTP), lalu kirim ulang: pengirim mengambilnya pada putaran berikutnya. | The sender stopped trying these notifications after their last try failed. Fix the cause (for example the SMTP settings), then retry: the sender takes it on its next run.
        FailedNotifications.None            | Tidak ada notifikasi yang gagal.                        | No notification has given up.
        FailedNotifications.Recipient       | Penerima                                                | Recipient
        FailedNotifications.Case            | Kasus                                                   | Case
        FailedNotifications.FollowUp        | pendampingan ke-{0}                                     | follow-up {0}
        FailedNotifications.CreatedAt       | Dibuat                                                  | Queued
        FailedNotifications.Attempts        | Jumlah percobaan                                        | Tries
        FailedNotifications.LastError       | Penyebab gagal terakhir                                 | Last error
        FailedNotifications.Requeued        | Terakhir dikirim ulang                                  | Last retried
        FailedNotifications.Retry           | Kirim ulang                                             | Retry
        Saved.NotificationQueued            | Notifikasi masuk antrean lagi; pengirim mengambilnya pada putaran berikutnya. | The notification is queued again; the sender takes it on its next run.
        Saved.NotificationDelivered         | Notifikasi ini sudah terkirim.                          | This notification was delivered already.
        """;
}
