namespace PepFunctions.App.Web.Localization;

/// <summary>Capital, permits, products, sales, training batches, notifications.</summary>
internal static partial class StringTable
{
    private const string BusinessPages = """
        # key                             | Bahasa Indonesia                                        | English
        Capital.Title                     | Modal usaha                                             | Business capital
        Capital.Partner                   | Mitra pembiayaan                                        | Financing partner
        Capital.Amount                    | Jumlah                                                  | Amount
        Capital.AmountRupiah              | Jumlah (rupiah)                                         | Amount (rupiah)
        Capital.Status                    | Status                                                  | Status
        Capital.Purpose                   | Untuk apa                                               | What for
        Capital.Reason                    | Alasan (wajib bila ditolak)                             | Reason (required when rejected)
        Capital.Answer                    | Catat jawaban                                           | Record answer
        Capital.NewReferral               | Rujukan baru                                            | New referral
        Capital.Refer                     | Rujuk                                                   | Refer
        Capital.KurHint                   | KUR Super Mikro s.d. Rp10 juta; Mikro s.d. Rp100 juta; Kecil s.d. Rp500 juta (dengan agunan). | KUR Super Mikro up to Rp10 million; Mikro up to Rp100 million; Kecil up to Rp500 million (with collateral).

        Permits.Title                     | Izin usaha                                              | Permits
        Permits.Kind                      | Izin                                                    | Permit
        Permits.AppliedOn                 | Tanggal pengajuan                                       | Applied on
        Permits.GrantedOn                 | Tanggal terbit                                          | Granted on

        Products.Title                    | Produk dan pemasaran                                    | Products and marketing
        Products.New                      | Produk baru                                             | New product
        Products.Name                     | Nama produk                                             | Product name
        Products.Category                 | Jenis                                                   | Category
        Products.Description              | Keterangan                                              | Description
        Products.Price                    | Harga (rupiah)                                          | Price (rupiah)
        Products.Add                      | Tambah produk                                           | Add product
        Products.Photo                    | Foto                                                    | Photo
        Products.Upload                   | Unggah foto                                             | Upload photo
        Products.Nominate                 | Usulkan sebagai produk unggulan                         | Nominate as flagship product
        Showcases.Title                   | Pameran dan saluran penjualan                           | Exhibitions and sales channels
        Showcases.Kind                    | Jenis                                                   | Kind
        Showcases.Name                    | Nama pameran atau saluran                               | Name of the exhibition or channel
        Showcases.Date                    | Tanggal (wajib untuk pameran)                           | Date (required for an exhibition)
        Showcases.Place                   | Tempat                                                  | Place
        Showcases.Add                     | Tambah pameran/saluran                                  | Add exhibition/channel
        Upload.Missing                    | Pilih berkas terlebih dahulu.                           | Choose a file first.

        Sales.Title                       | Penjualan bulanan                                       | Monthly sales
        Sales.Month                       | Bulan                                                   | Month
        Sales.Amount                      | Penjualan (rupiah)                                      | Sales (rupiah)

        Notifications.None                | Belum ada notifikasi.                                   | No notifications yet.
        NotificationKind.AssessmentOverdue | Asesmen terlambat                                      | Assessment overdue
        NotificationKind.FollowUpReminder | Pengingat pendampingan                                  | Follow-up reminder
        NotificationKind.FollowUpOverdue  | Pendampingan terlambat                                  | Follow-up overdue
        NotificationKind.OverdueDigest    | Ringkasan pendampingan terlambat                        | Overdue follow-ups digest
        NotificationKind.ReferralUnanswered | Rujukan modal belum dijawab                           | Capital referral unanswered
        """;
}

internal static partial class StringTable
{
    private const string Dashboard = """
        # key                             | Bahasa Indonesia                                        | English
        Dashboard.Title                   | Dasbor: {0}                                             | Dashboard: {0}
        Dashboard.Province                | Provinsi {0}                                            | {0} province
        Dashboard.National                | Nasional                                                | National
        Dashboard.PeopleReached           | WBP dijangkau                                           | People reached
        Dashboard.ActivitiesRun           | Kegiatan pelatihan                                      | Training activities
        Dashboard.ActiveMentors           | Pendamping aktif                                        | Active mentors
        Dashboard.DueSoon                 | Pendampingan 7 hari ke depan                            | Follow-ups in the next 7 days
        Dashboard.Overdue                 | Pendampingan terlambat                                  | Overdue follow-ups
        Dashboard.ReferralsWaiting        | Rujukan modal menunggu jawaban                          | Referrals waiting for an answer
        Dashboard.AwaitingCuration        | Produk menunggu kurasi                                  | Products awaiting curation
        Dashboard.ChartTitle              | WBP per tahap                                           | People at each stage
        Dashboard.CasesCsv                | Unduh CSV kasus                                         | Download cases (CSV)
        Dashboard.FollowUpsCsv            | Unduh CSV pendampingan                                  | Download follow-ups (CSV)
        Dashboard.FollowUps               | Pendampingan jatuh tempo dan terlambat                  | Follow-ups due and overdue
        Dashboard.NoFollowUps             | Tidak ada pendampingan yang jatuh tempo.                | No follow-ups are due.
        Dashboard.Due                     | Jatuh tempo                                             | Due
        Dashboard.ByOffice                | Per kantor                                              | By office
        Dashboard.Recent                  | Aktivitas terbaru                                       | Recent activity
        Dashboard.Nothing                 | Tidak ada.                                              | None.
        Notifications.UnknownPerson       | WBP di luar wewenang Anda                               | A person outside your scope
        NotificationText.AssessmentOverdue | Asesmen potensi dan minat belum dicatat tepat waktu.   | The assessment of potential and interest was not recorded in time.
        NotificationText.FollowUpReminder | Pendampingan ke-{0} segera jatuh tempo: kunjungi atau telepon, lalu catat. | Follow-up {0} is due soon: visit or call, then record it.
        NotificationText.FollowUpOverdue  | Pendampingan ke-{0} terlambat; diteruskan kepada Anda sebagai atasan pendamping. | Follow-up {0} is overdue; it was escalated to you as the mentor's supervisor.
        NotificationText.OverdueDigest    | Ada kunjungan pendampingan yang terlambat: lihat Tugas saya di beranda. | Some follow-ups are overdue: see My work on the home page.
        NotificationText.ReferralUnanswered | Rujukan modal belum dijawab mitra: tindak lanjuti dengan mitra. | A capital referral has no answer yet: follow it up with the partner.
        Work.Title                        | Tugas saya                                              | My work
        Work.None                         | Tidak ada tugas saat ini.                               | Nothing to do now.
        Work.More                         | {0} tugas lagi: lihat daftar WBP.                       | {0} more: see the people list.
        Work.Person                       | WBP                                                     | Person
        Work.What                         | Tugas                                                   | Task
        Work.Assessment                   | Catat asesmen potensi dan minat                         | Record the assessment
        Work.Release                      | Catat pembebasan                                        | Record the release
        Work.FollowUp                     | Catat kunjungan pendampingan                            | Record the follow-up visit
        Work.Referral                     | Catat jawaban mitra modal                               | Record the partner's answer
        Work.Curation                     | Kurasi produk                                           | Curate the product
        Work.Overdue                      | Terlambat                                               | Overdue
        Work.Waiting                      | Menunggu sejak                                          | Waiting since
        Work.Open                         | Buka                                                    | Open
        Actor.pipeline                    | sistem (otomatis)                                       | system (automatic)
        Actor.system                      | sistem                                                  | system
        """;
}

internal static partial class StringTable
{
    private const string TrainingPages = """
        # key                             | Bahasa Indonesia                                        | English
        Training.Title                    | Pelatihan                                               | Training
        Training.None                     | Belum ada kelas pelatihan.                              | No training batches yet.
        Training.New                      | Buka kelas pelatihan                                    | Open a training batch
        Training.Track                    | Jenis pelatihan                                         | Track
        Training.Partner                  | Pelatih (mitra)                                         | Trainer (partner)
        Training.Dates                    | Tanggal                                                 | Dates
        Training.Start                    | Mulai                                                   | Start
        Training.End                      | Selesai                                                 | End
        Training.Sessions                 | Jumlah sesi                                             | Sessions
        Training.SessionsCount            | {0} sesi                                                | {0} sessions
        Training.Capacity                 | Kapasitas                                               | Capacity
        Training.Open                     | Buka kelas                                              | Open batch
        Training.Participants             | Peserta                                                 | Participants
        Training.Participant              | Peserta                                                 | Participant
        Training.NoParticipants           | Belum ada peserta.                                      | No participants yet.
        Training.NoCandidates             | Tidak ada WBP tahap pelatihan yang bisa dimasukkan.     | Nobody at the training stage to place.
        Training.Attendance               | Kehadiran                                               | Attendance
        Training.Result                   | Hasil                                                   | Result
        Training.Passed                   | Lulus ujian akhir                                       | Passed the final test
        Training.Failed                   | Tidak lulus                                             | Did not pass
        Training.Certificate              | Sertifikat                                              | Certificate
        Training.RollCall                 | Absensi sesi                                            | Session roll call
        Training.Session                  | Sesi                                                    | Session
        Training.Present                  | Hadir                                                   | Present
        Curation.Title                    | Produk unggulan                                         | Flagship products
        Curation.Approve                  | Setujui                                                 | Approve
        Curation.Reject                   | Tolak                                                   | Reject
        Choose the training track.        | Pilih jenis pelatihan.                                  | Choose the training track.
        The start date is required.       | Tanggal mulai wajib diisi.                              | The start date is required.
        The end date is required.         | Tanggal selesai wajib diisi.                            | The end date is required.
        Say how many sessions attendance is counted over. | Isi jumlah sesi.                        | Say how many sessions attendance is counted over.
        A training partner is required.   | Pelatih wajib diisi.                                    | A training partner is required.
        The end date must be on or after the start date. | Tanggal selesai harus pada atau setelah tanggal mulai. | The end date must be on or after the start date.
        The decision is Approved or Rejected. | Pilih setujui atau tolak.                           | Choose approve or reject.
        """;
}
