namespace PepFunctions.App.Web.Localization;

/// <summary>The staff directory's pages: list, add and edit, and the onboarding file.</summary>
internal static partial class StringTable
{
    private const string StaffPages = """
        # key                               | Bahasa Indonesia                                        | English
        Nav.Staff                           | Staf                                                    | Staff
        Staff.Title                         | Daftar staf                                             | Staff directory
        Staff.Intro                         | Staf masuk dengan akun Entra ID mereka; di sini ditentukan peran, kantor, atasan dan alamat e-mail untuk notifikasi. Perubahan berlaku pada permintaan berikutnya. | Staff sign in with their Entra ID account; here you set their role, office, supervisor and the e-mail address notifications go to. A change applies from their next request.
        Staff.Add                           | Tambah staf                                             | Add a staff member
        Staff.Import                        | Unggah berkas CSV                                       | Upload a CSV file
        Staff.Filter                        | Saring                                                  | Filter
        Staff.Search                        | Cari nama, nama pengguna atau e-mail                    | Search by name, username or e-mail
        Staff.AnyOffice                     | Semua kantor                                            | All offices
        Staff.AnyRole                       | Semua peran                                             | All roles
        Staff.AnyState                      | Aktif dan nonaktif                                      | Active and inactive
        Staff.None                          | Tidak ada staf yang cocok.                              | No staff member matches.
        Staff.Username                      | Nama masuk (UPN Entra ID)                               | Sign-in name (Entra ID UPN)
        Staff.DisplayName                   | Nama                                                    | Name
        Staff.Role                          | Peran                                                   | Role
        Staff.Office                        | Kantor                                                  | Office
        Staff.Supervisor                    | Atasan (nama masuk)                                     | Supervisor (sign-in name)
        Staff.Email                         | E-mail untuk notifikasi                                 | E-mail for notifications
        Staff.Phone                         | Telepon                                                 | Phone
        Staff.Active                        | Aktif (boleh masuk)                                     | Active (may sign in)
        Staff.State.Active                  | Aktif                                                   | Active
        Staff.State.Inactive                | Nonaktif                                                | Inactive
        Staff.Successor                     | Pendamping pengganti (bila menonaktifkan pendamping kasus yang masih berjalan) | Successor (when deactivating the mentor of open cases)
        Staff.Save                          | Simpan                                                  | Save
        Staff.EditTitle                     | Ubah data staf                                          | Edit staff member
        Staff.AddTitle                      | Tambah staf                                             | Add a staff member
        Staff.Changes                       | Riwayat perubahan                                       | Change history
        Staff.ChangedBy                     | {0} oleh {1}                                            | {0} by {1}
        Staff.Before                        | Sebelum                                                 | Before
        Staff.After                         | Sesudah                                                 | After
        Staff.Added                         | (baru)                                                  | (new)
        StaffImport.Title                   | Unggah staf satu kantor (CSV)                           | Onboard an office (CSV)
        StaffImport.Intro                   | Baris pertama berisi nama kolom: {0}. Satu staf per baris, paling banyak 50. Seluruh berkas diperiksa dulu: bila ada satu baris salah, tidak ada yang disimpan. | The first line names the columns: {0}. One staff member a line, at most 50. The whole file is checked first: if one line is wrong, nothing is stored.
        StaffImport.File                    | Berkas CSV                                              | CSV file
        StaffImport.Submit                  | Periksa dan simpan                                      | Check and store
        StaffImport.Errors                  | Tidak ada yang disimpan. Perbaiki baris berikut lalu unggah lagi: | Nothing was stored. Correct these lines and upload again:
        StaffImport.NoFile                  | Pilih berkas CSV.                                       | Choose a CSV file.
        Saved.StaffAdded                    | Staf ditambahkan.                                       | Staff member added.
        Saved.StaffChanged                  | Data staf disimpan.                                     | Staff member saved.
        Saved.StaffImported                 | Semua baris berkas disimpan.                            | Every line of the file was stored.
        """;
}
