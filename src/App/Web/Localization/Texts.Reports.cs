namespace PepFunctions.App.Web.Localization;

/// <summary>The programme report page.</summary>
internal static partial class StringTable
{
    private const string ReportPages = """
        # key                               | Bahasa Indonesia                                        | English
        Nav.Report                          | Laporan                                                 | Report
        Report.Title                        | Laporan program                                         | Programme report
        Report.Scope                        | Cakupan                                                 | Scope
        Report.From                         | Dari bulan                                              | From month
        Report.To                           | Sampai bulan                                            | To month
        Report.Show                         | Tampilkan                                               | Show
        Report.Period                       | {0}, {1} s.d. {2}                                       | {0}, {1} to {2}
        Report.Workbook                     | Unduh Excel                                             | Download Excel
        Report.People                       | Warga binaan dan klien                                  | People in the programme
        Report.Enrolled                     | Terdaftar                                               | Enrolled
        Report.Assessed                     | Diasesmen                                               | Assessed
        Report.InTraining                   | Ikut pelatihan                                          | Placed in training
        Report.Trained                      | Lulus pelatihan                                         | Trained
        Report.Released                     | Bebas                                                   | Released
        Report.InMentoring                  | Mulai pendampingan                                      | Mentoring started
        Report.Graduated                    | Mandiri                                                 | Graduated
        Report.Withdrawn                    | Keluar dari program                                     | Withdrawn
        Report.CompletionRate               | Tingkat kelulusan pelatihan                             | Training completion rate
        Report.TrainedByTrack               | Lulus pelatihan per bidang                              | Trained by track
        Report.ReleasedByKind               | Bebas per jenis                                         | Released by kind
        Report.WithdrawnByReason            | Keluar per alasan                                       | Withdrawn by reason
        Report.FollowUps                    | Pendampingan setelah bebas                              | Follow-ups after release
        Report.Due                          | Jatuh tempo                                             | Due
        Report.DoneOnTime                   | Tepat waktu                                             | Done on time
        Report.DoneLate                     | Terlambat                                               | Done late
        Report.Overdue                      | Lewat waktu                                             | Overdue
        Report.Capital                      | Permodalan dan perizinan                                | Capital and permits
        Report.ReferralsSent                | Rujukan dikirim                                         | Referrals sent
        Report.ReferralsAccepted            | Rujukan diterima                                        | Referrals accepted
        Report.ReferralsRejected            | Rujukan ditolak                                         | Referrals rejected
        Report.ReferralsDisbursed           | Dana dicairkan                                          | Disbursed
        Report.PermitsObtained              | Izin terbit                                             | Permits obtained
        Report.Marketing                    | Produk dan pemasaran                                    | Products and marketing
        Report.ProductsRegistered           | Produk dicatat                                          | Products registered
        Report.ProductsNominated            | Diusulkan produk unggulan                               | Nominated
        Report.ProductsCurated              | Produk unggulan                                         | Curated as produk unggulan
        Report.ProductsShowcased            | Dipamerkan/dipasarkan                                   | Showcased
        Report.Sales                        | Penjualan                                               | Sales
        Report.PeopleWithSales              | {0} orang berjualan                                     | {0} people selling
        Report.PeopleSellingByMonth         | Orang berjualan per bulan                               | People selling by month
        Report.Pokmas                       | Pokmas Lipas                                            | Pokmas Lipas
        Report.PokmasGroups                 | Kelompok                                                | Groups
        Report.PokmasActiveMembers          | Anggota aktif                                           | Active members
        Report.PokmasActivities             | Kegiatan                                                | Activities held
        Report.PokmasReached                | Orang terjangkau                                        | People reached
        ~Give an office code                                                     | Pilih kantor, Kanwil provinsi, atau NATIONAL.      | Choose an office, a province's Kanwil or NATIONAL.
        Give the first month as yyyy-MM.                                         | Isi bulan awal (tahun-bulan).                      | Give the first month.
        Give the last month as yyyy-MM.                                          | Isi bulan akhir (tahun-bulan).                     | Give the last month.
        ~The last month comes on or after the first                              | Bulan akhir sama dengan atau sesudah bulan awal, paling lama 36 bulan. | The last month is on or after the first, at most 36 months later.
        """;
}
