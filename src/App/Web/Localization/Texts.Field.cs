namespace PepFunctions.App.Web.Localization;

/// <summary>The mentor's field page (<c>/lapangan</c>), which works offline, and the offline script's messages.</summary>
internal static partial class StringTable
{
    private const string FieldPages = """
        # key                    | Bahasa Indonesia                                        | English
        Field.Title              | Pendampingan di lapangan                                | Mentoring in the field
        Field.Intro              | Halaman ini tetap bisa dibuka tanpa sinyal. Kunjungan yang dicatat tanpa sinyal disimpan di ponsel dan dikirim saat sinyal kembali. | This page opens without a signal too. Visits recorded without a signal are kept on the phone and sent when the signal returns.
        Field.None               | Belum ada orang yang Anda dampingi.                     | You mentor nobody yet.
        Field.Queue              | Kunjungan di ponsel ini                                 | Visits on this phone
        Field.LastSeen           | Data per                                                | Data as of
        Field.SupervisionEnd     | bimbingan sampai                                        | supervised until
        Field.Done               | Sudah dicatat                                           | Recorded
        Field.NothingDue         | Tidak ada pendampingan yang perlu dicatat.              | No follow-up to record.
        Field.Waiting            | Menunggu dikirim                                        | Waiting to send
        Field.Sending            | Sedang dikirim…                                         | Sending…
        Field.Sent               | Terkirim, diterima server                               | Sent, accepted by the server
        Field.Refused            | Ditolak server                                          | Refused by the server
        Field.Refused.400        | isian tidak lengkap atau tidak sah                      | a field is missing or not valid
        Field.Refused.403        | Anda tidak lagi berwenang atas orang ini                | you may no longer act for this person
        Field.Refused.404        | orang ini tidak lagi Anda dampingi (dipindahkan atau dihapus) | you no longer mentor this person (moved or erased)
        Field.Refused.409        | keadaan kasus sudah berubah (misalnya sudah dicatat, dipindahkan atau selesai) | the case changed meanwhile (recorded already, transferred or closed)
        Field.SignInAgain        | Menunggu Anda masuk kembali                             | Waiting for you to sign in again
        Field.Dismiss            | Tutup                                                   | Dismiss
        Field.Offline            | Tanpa sinyal: kunjungan disimpan di ponsel.             | No signal: visits are kept on the phone.
        Field.Online             | Tersambung.                                             | Connected.
        Field.Invalid            | Lengkapi isian yang wajib.                              | Fill in the required fields.
        """;
}
