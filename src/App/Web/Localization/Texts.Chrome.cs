namespace PepFunctions.App.Web.Localization;

/// <summary>Layout, sign-in, status pages, roles, stages and the other enums.</summary>
internal static partial class StringTable
{
    private const string Chrome = """
        # key                         | Bahasa Indonesia                                              | English
        App.Tagline                   | Pemberdayaan Ekonomi WBP                                      | Economic empowerment in corrections
        App.Footer                    | Data WBP adalah data pribadi spesifik (UU 27/2022): gunakan hanya untuk program. | Inmates' data is specific personal data (UU 27/2022): use it only for the programme.
        Nav.Language                  | Bahasa                                                        | Language
        Nav.Menu                      | Menu                                                          | Menu
        Nav.Home                      | Beranda                                                       | Home
        Nav.Cases                     | Daftar WBP                                                    | People
        Nav.Enrol                     | Daftarkan WBP                                                 | Enrol a person
        Nav.Training                  | Pelatihan                                                     | Training
        Nav.Products                  | Produk                                                        | Products
        Nav.Notifications             | Notifikasi                                                    | Notifications
        Nav.SignOut                   | Keluar                                                        | Sign out

        SignIn.Title                  | Masuk                                                         | Sign in
        SignIn.Username               | Nama pengguna                                                 | Username
        SignIn.Password               | Kata sandi                                                    | Password
        SignIn.Submit                 | Masuk                                                         | Sign in
        SignIn.Failed                 | Nama pengguna atau kata sandi salah.                          | Unknown username or wrong password.
        SignIn.DemoTitle              | Akun demo                                                     | Demo accounts
        SignIn.DemoText               | Kata sandi setiap akun demo: {0}                              | The password of every demo account: {0}
        SignIn.Role                   | Peran                                                         | Role

        Status.Back                   | Kembali ke beranda                                            | Back to the home page
        Status.400.Title              | Permintaan ditolak                                            | Request refused
        Status.400.Text               | Formulir ini kedaluwarsa atau tidak lengkap. Muat ulang halaman dan coba lagi. | The form has expired or is incomplete. Reload the page and try again.
        Status.403.Title              | Tidak diizinkan                                               | Not allowed
        Status.403.Text               | Peran atau kantor Anda tidak diizinkan melihat atau mengubah data ini. | Your role or office may not see or change this.
        Status.404.Title              | Tidak ditemukan                                               | Not found
        Status.404.Text               | Halaman atau data ini tidak ada, atau bukan wewenang kantor Anda. | This page or record does not exist, or is not your office's.
        Status.409.Title              | Tidak bisa sekarang                                           | Not possible now
        Status.409.Text               | Keadaan data ini tidak mengizinkan tindakan tersebut.         | The record's state does not allow this now.
        Status.Other.Title            | Terjadi kesalahan                                             | Something went wrong
        Status.Other.Text             | Coba lagi sebentar lagi.                                      | Try again in a moment.

        Form.HasErrors                | Periksa isian yang ditandai.                                  | Check the marked fields.
        Form.Save                     | Simpan                                                        | Save
        Form.Optional                 | (opsional)                                                    | (optional)
        Form.Choose                   | — pilih —                                                     | — choose —
        Form.Yes                      | Ya                                                            | Yes
        Form.No                       | Tidak                                                         | No
        Binding.ValueInvalid          | Nilai '{0}' tidak valid.                                      | The value '{0}' is not valid.
        Binding.Invalid               | Nilai tidak valid.                                            | The value is not valid.
        Binding.Required              | Wajib diisi.                                                  | Required.
        Binding.Number                | Harus berupa angka.                                           | Must be a number.

        StaffRole.LapasOfficer             | Petugas Lapas                                                 | Lapas officer
        StaffRole.BapasOfficer             | PK Bapas                                                      | Bapas officer (PK)
        StaffRole.PokmasMentor             | Pendamping Pokmas Lipas                                       | Pokmas Lipas mentor
        StaffRole.KanwilCoordinator        | Koordinator Kanwil                                            | Kanwil coordinator
        StaffRole.NationalCurator          | Kurator nasional                                              | National curator
        StaffRole.Administrator            | Administrator                                                 | Administrator

        PipelineStage.Enrollment              | Pendaftaran                                                   | Enrolment
        PipelineStage.Assessment              | Asesmen potensi dan minat                                     | Assessment
        PipelineStage.Training                | Pelatihan                                                     | Training
        PipelineStage.AwaitingRelease         | Menunggu bebas                                                | Awaiting release
        PipelineStage.Mentoring               | Pendampingan                                                  | Mentoring
        PipelineStage.Graduated               | Mandiri                                                       | Graduated
        PipelineStage.Withdrawn               | Keluar dari program                                           | Withdrawn
        PipelineStage.Ended                   | Selesai                                                       | Ended
        """;
}
