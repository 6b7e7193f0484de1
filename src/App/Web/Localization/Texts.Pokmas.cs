namespace PepFunctions.App.Web.Localization;

/// <summary>Pokmas Lipas groups and their activities.</summary>
internal static partial class StringTable
{
    private const string PokmasPages = """
        # key                               | Bahasa Indonesia                                        | English
        Nav.Pokmas                          | Pokmas Lipas                                            | Pokmas Lipas
        Pokmas.Title                        | Pokmas Lipas                                            | Pokmas Lipas (community groups)
        Pokmas.Intro                        | Kelompok masyarakat peduli pemasyarakatan yang bekerja bersama UPT, dengan anggota dan kegiatannya. | Community groups that work with a UPT, with their members and activities.
        Pokmas.None                         | Belum ada Pokmas Lipas.                                 | No Pokmas Lipas yet.
        Pokmas.Name                         | Nama kelompok                                           | Group name
        Pokmas.Office                       | UPT                                                     | Office
        Pokmas.Members                      | Anggota                                                 | Members
        Pokmas.MentorMembers                | Pendamping (akun staf), satu nama pengguna per baris    | Mentors (staff accounts), one username per line
        Pokmas.PlainMembers                 | Anggota lain (nama), satu per baris                     | Other members (names), one per line
        Pokmas.Create                       | Bentuk kelompok                                         | Set up a group
        Pokmas.Activities                   | Kegiatan                                                | Activities
        Pokmas.NoActivities                 | Belum ada kegiatan yang dicatat.                        | No activity recorded yet.
        Pokmas.RecordActivity               | Catat kegiatan                                          | Record an activity
        Pokmas.Date                         | Tanggal                                                 | Date
        Pokmas.Kind                         | Jenis kegiatan                                          | Kind of activity
        Pokmas.Place                        | Tempat                                                  | Place
        Pokmas.Participants                 | Peserta dari WBP/klien UPT ini                          | Participants from this office's people
        Pokmas.OtherAttendees               | Jumlah peserta lain (keluarga, warga)                   | Number of others reached (family, neighbours)
        Pokmas.Reached                      | Orang terjangkau                                        | People reached
        Pokmas.Mentor                       | pendamping                                              | mentor
        Saved.PokmasGroupCreated            | Kelompok tersimpan.                                     | The group is saved.
        Saved.PokmasActivityRecorded        | Kegiatan tersimpan dan tampil di linimasa setiap peserta. | The activity is saved and shows on each participant's timeline.
        TimelineAction.PokmasActivity       | Ikut kegiatan Pokmas Lipas                              | Took part in a Pokmas Lipas activity
        TimelineDetail.PokmasActivity       | {0}, {1}                                                | {0}, {1}
        PokmasActivityKind.Training         | Pelatihan keterampilan                                  | Skills training
        PokmasActivityKind.Mentoring        | Pendampingan usaha                                      | Business mentoring
        PokmasActivityKind.Counselling      | Penyuluhan/konseling                                    | Counselling
        PokmasActivityKind.Exhibition       | Pameran/bazar                                           | Exhibition or market day
        PokmasActivityKind.Social           | Kegiatan sosial/keagamaan                               | Social or religious gathering
        ~Give the group's name                                                   | Nama kelompok wajib diisi (paling banyak 120 karakter). | Give the group's name (at most 120 characters).
        A Pokmas Lipas works with a Lapas, Rutan or Bapas: give its office code. | Pokmas Lipas bekerja bersama Lapas, Rutan atau Bapas: pilih UPT-nya. | A Pokmas Lipas works with a Lapas, Rutan or Bapas: choose its office.
        ~List the group's members                                                | Tuliskan anggota kelompok (1 sampai 200).          | List the group's members (1 to 200).
        A mentor is listed twice.                                                | Seorang pendamping tertulis dua kali.              | A mentor is listed twice.
        Not a Pokmas Lipas mentor of this office in the staff directory; list a plain member by name instead. | Bukan pendamping Pokmas Lipas UPT ini di daftar staf; tulis sebagai anggota lain dengan namanya. | Not a Pokmas Lipas mentor of this office in the staff directory; list them as another member by name.
        An activity is recorded once it has been held: the date cannot be in the future. | Kegiatan dicatat setelah dilaksanakan: tanggal tidak boleh di masa depan. | An activity is recorded once it has been held: the date cannot be in the future.
        Choose what kind of activity it was.                                     | Pilih jenis kegiatan.                              | Choose what kind of activity it was.
        ~Give the place                                                          | Tempat wajib diisi (paling banyak 200 karakter).   | Give the place (at most 200 characters).
        Give the day it was held.                                                | Tanggal kegiatan wajib diisi.                      | Give the day it was held.
        Nobody took part: list the participants or count the others reached.     | Belum ada peserta: pilih peserta atau isi jumlah peserta lain. | Nobody took part: choose the participants or count the others reached.
        A participant is listed twice.                                           | Seorang peserta terpilih dua kali.                 | A participant is listed twice.
        Not a case of the group's office.                                        | Bukan WBP/klien UPT kelompok ini.                  | Not a case of the group's office.
        Cannot be negative.                                                      | Tidak boleh negatif.                               | Cannot be negative.
        """;
}
