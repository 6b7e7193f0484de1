namespace PepFunctions.App.Web.Localization;

/// <summary>The people list, the enrolment form and the person page with its case forms.</summary>
internal static partial class StringTable
{
    private const string CasePages = """
        # key                             | Bahasa Indonesia                                        | English
        Cases.Title                       | Daftar WBP dan klien                                    | People in the programme
        Cases.AllOffices                  | Semua kantor                                            | All offices
        Cases.AllStages                   | Semua tahap                                             | All stages
        Cases.Stage                       | Tahap                                                   | Stage
        Cases.Filter                      | Tampilkan                                               | Show
        Cases.Csv                         | Unduh CSV                                               | Download CSV
        Cases.None                        | Belum ada data.                                         | Nobody yet.

        Enrol.Title                       | Daftarkan WBP                                           | Enrol a person
        Enrol.Intro                       | Data WBP termasuk data pribadi spesifik. Isi hanya yang diperlukan program. | An inmate's data is specific personal data. Enter only what the programme needs.
        Enrol.Office                      | Lapas/Rutan                                             | Lapas/Rutan
        Enrol.RegistrationNumber          | Nomor registrasi                                        | Registration number
        Enrol.RegistrationNumberHint      | Huruf, angka, '-', '.' dan '/', paling banyak 32 karakter. | Letters, digits, '-', '.' and '/', at most 32 characters.
        Enrol.FullName                    | Nama lengkap                                            | Full name
        Enrol.Nik                         | NIK                                                     | NIK (national ID number)
        Enrol.ExpectedReleaseDate         | Perkiraan tanggal bebas                                 | Expected release date
        Enrol.Consent                     | Persetujuan                                             | Consent
        Enrol.ConsentHint                 | Centang tujuan yang disetujui WBP. Ikut program wajib.  | Tick what the person consents to. Taking part is required.
        Enrol.Submit                      | Daftarkan                                               | Enrol

        Case.Person                       | Data WBP                                                | The person
        Case.Office                       | Kantor                                                  | Office
        Case.Lapas                        | Lapas asal                                              | Enrolled at
        Case.Stages                       | Tahap program                                           | Programme stages
        Case.Timeline                     | Riwayat                                                 | Timeline
        Case.NextDue                      | Berikutnya                                              | Next due
        Case.Outcome                      | Hasil akhir                                             | Outcome
        Case.Processing                   | Tersimpan; sistem sedang memproses langkah berikutnya ({0}). Halaman ini dimuat ulang sendiri. | Saved; the system is processing the next step ({0}). This page reloads by itself.
        Case.ProcessingShort              | sedang diproses                                         | being processed
        Training.NoOpenBatch              | Langkah berikutnya: pelatihan. Belum ada kelas pelatihan yang dibuka dan masih ada tempat; buka kelas di halaman | Next step: training. No open batch has room yet; open one on the page
        Cases.Search                      | Cari nama atau nomor registrasi                         | Search by name or registration number
        Cases.IncludeClosed               | Tampilkan juga yang sudah selesai program               | Include people whose programme has ended
        Cases.Count                       | {0} orang · halaman {1} dari {2}                        | {0} people · page {1} of {2}
        Cases.Pages                       | Halaman daftar                                          | List pages
        Cases.Previous                    | ← Sebelumnya                                            | ← Previous
        Cases.Next                        | Berikutnya →                                            | Next →
        Withdrawal.Confirm                | Saya yakin: program orang ini berakhir dan tidak bisa dibatalkan. | I am sure: this person's programme ends and this cannot be undone.
        Withdrawal.ConfirmRequired        | Centang untuk memastikan; pengeluaran dari program tidak bisa dibatalkan. | Tick to confirm; a withdrawal cannot be undone.
        Case.Views                        | Data ini telah dibuka {0} kali (tercatat di log audit). | This record was opened {0} times (recorded in the audit log).
        NextDue.assessment                | Asesmen                                                 | Assessment
        NextDue.release                   | Bebas                                                   | Release
        NextDue.follow-up                 | Pendampingan                                            | Follow-up
        NextDue.programme end             | Akhir program                                           | End of programme

        Saved.Enrolled                    | WBP telah didaftarkan.                                  | The person is enrolled.
        Saved.Assessment                  | Asesmen tersimpan.                                      | Assessment saved.
        Saved.Release                     | Pembebasan tercatat; kasus diserahkan ke Bapas.         | Release recorded; the case passes to the Bapas.
        Saved.FollowUp                    | Pendampingan tercatat.                                  | Follow-up recorded.
        Saved.Withdrawal                  | WBP dikeluarkan dari program.                           | The person is withdrawn from the programme.
        Saved.Transfer                    | Kasus telah dipindahkan.                                | The case was transferred.
        Saved.BatchEnrol                  | WBP dimasukkan ke kelas pelatihan.                      | The person is placed in the training batch.
        Saved.Referral                    | Rujukan modal terkirim.                                 | Capital referral sent.
        Saved.Answer                      | Jawaban mitra tercatat.                                 | The partner's answer is recorded.
        Saved.Permit                      | Izin usaha tersimpan.                                   | Permit saved.
        Saved.Product                     | Produk ditambahkan.                                     | Product added.
        Saved.Photo                       | Foto produk tersimpan.                                  | Product photo saved.
        Saved.Nominated                   | Produk diusulkan sebagai produk unggulan.               | Product nominated as a flagship product.
        Saved.Showcase                    | Pameran/saluran penjualan ditambahkan.                  | Exhibition/sales channel added.
        Saved.Sales                       | Penjualan bulanan tersimpan.                            | Monthly sales saved.
        Saved.Batch                       | Kelas pelatihan dibuka.                                 | Training batch opened.
        Saved.Attendance                  | Kehadiran tersimpan.                                    | Attendance saved.
        Saved.Result                      | Hasil pelatihan tersimpan.                              | Training result saved.
        Saved.Certificate                 | Sertifikat tersimpan.                                   | Certificate saved.
        Saved.Curated                     | Keputusan kurasi tersimpan.                             | Curation decision saved.

        Timeline.FollowUp                 | Pendampingan ke-{0}                                     | Follow-up {0}
        Timeline.FollowUpDue              | Jatuh tempo                                             | Due
        Timeline.Training                 | Pelatihan {0}                                           | Training: {0}
        Timeline.TrainingCompleted        | Lulus                                                   | Completed
        Timeline.TrainingNotCompleted     | Tidak lulus                                             | Not completed
        Timeline.Referral                 | Rujukan modal ke {0}                                    | Capital referral to {0}
        Timeline.Nominated                | Produk unggulan diusulkan: {0}                          | Nominated as flagship product: {0}
        Timeline.Sales                    | Penjualan {0}                                           | Sales {0}
        Timeline.ExpectedRelease          | Perkiraan bebas                                         | Expected release
        TimelineAction.Enrolled           | Didaftarkan                                             | Enrolled
        TimelineAction.Viewed             | Dibuka                                                  | Viewed
        TimelineAction.StageChanged       | Tahap berganti                                          | Stage changed
        TimelineAction.AssessmentRecorded | Asesmen dicatat                                         | Assessment recorded
        TimelineAction.ReleaseRecorded    | Pembebasan dicatat                                      | Release recorded
        TimelineAction.Released           | Bebas; diserahkan ke Bapas                              | Released; passed to the Bapas
        TimelineAction.FollowUpRecorded   | Pendampingan dicatat                                    | Follow-up recorded
        TimelineAction.FollowUpOverdue    | Pendampingan terlambat; diteruskan ke atasan            | Follow-up overdue; escalated
        TimelineAction.NotificationQueued | Notifikasi dikirim                                      | Notification sent
        TimelineAction.WithdrawalRequested | Dikeluarkan dari program                               | Withdrawal requested
        TimelineAction.Transferred        | Dipindahkan                                             | Transferred
        TimelineAction.Closed             | Kasus ditutup                                           | Case closed
        TimelineAction.MentorChanged      | Pendamping diganti                                      | Mentor changed
        TimelineAction.PipelineControlled | Alur kasus dibuka administrator                         | Pipeline used by an administrator
        TimelineAction.TrainingEnrolled   | Dimasukkan ke kelas pelatihan                           | Placed in a training batch
        TimelineAction.AttendanceRecorded | Kehadiran pelatihan dicatat                             | Training attendance recorded
        TimelineAction.TrainingResultRecorded | Hasil pelatihan dicatat                             | Training result recorded
        TimelineAction.ReferralSubmitted  | Rujukan modal diajukan                                  | Capital referral submitted
        TimelineAction.ReferralAnswered   | Jawaban mitra pembiayaan dicatat                        | Financing partner's answer recorded
        TimelineAction.PermitRecorded     | Izin usaha dicatat                                      | Business permit recorded
        TimelineAction.ProductAdded       | Produk ditambahkan                                      | Product added
        TimelineAction.ProductNominated   | Diusulkan sebagai produk unggulan                       | Nominated as a flagship product
        TimelineAction.CertificateUploaded | Sertifikat pelatihan diunggah                          | Training certificate uploaded
        TimelineAction.ProductPhotoUploaded | Foto produk diunggah                                  | Product photo uploaded
        TimelineAction.ProductCurated     | Kurasi produk unggulan                                  | Flagship product curated
        TimelineAction.ShowcaseAdded      | Pameran/saluran penjualan dicatat                       | Exhibition/sales channel recorded
        TimelineAction.SalesRecorded      | Penjualan bulanan dicatat                               | Monthly sales recorded
        TimelineDetail.Enrolled           | Di {0}; persetujuan: {1}                                | At {0}; consent: {1}
        TimelineDetail.StageChanged       | {0}; berikutnya: {1}                                    | {0}; next: {1}
        TimelineDetail.DueBy              | {0}, paling lambat {1}                                  | {0} by {1}
        TimelineDetail.AssessmentRecorded | Disarankan: {0}                                         | Recommended: {0}
        TimelineDetail.ReleaseRecorded    | {0} pada {1}                                            | {0} on {1}
        TimelineDetail.Released           | {0} pada {1}; kini di {2}, pendamping {3}; {4} kali pendampingan | {0} on {1}; now at {2}, mentor {3}; {4} follow-ups
        TimelineDetail.FollowUpRecorded   | Pendampingan ke-{0}: {1}, usaha {2}, pendapatan {3}     | Follow-up {0}: {1}, business {2}, income {3}
        TimelineDetail.FollowUpOverdue    | Pendampingan ke-{0} terlambat                           | Follow-up {0} is overdue
        TimelineDetail.NotificationQueued | {0} kepada {1}                                          | {0} to {1}
        TimelineDetail.WithdrawalRequested | Alasan: {0}                                            | Reason: {0}
        TimelineDetail.Transferred        | Dari {0} ke {1}                                         | From {0} to {1}
        TimelineDetail.Closed             | {0}: {1}                                                | {0}: {1}
        TimelineDetail.MentorChanged      | Dari {0} ke {1}                                         | From {0} to {1}
        TimelineDetail.None               | (tidak ada)                                             | (none)
        Sales recorded for enough months. | Penjualan tercatat cukup bulan.                         | Sales recorded for enough months.
        The programme period ended.       | Masa program berakhir.                                  | The programme period ended.
        PipelineControl.StatusRead        | status dibaca                                           | status read
        PipelineControl.HistoryRead       | riwayat dibaca                                          | history read
        PipelineControl.Suspended         | dijeda                                                  | suspended
        PipelineControl.Resumed           | dilanjutkan                                             | resumed
        PipelineControl.Terminated        | dihentikan                                              | terminated
        PipelineControl.Purged            | dihapus                                                 | purged
        TimelineDetail.TrainingEnrolled   | {0} · kelas {1}                                         | {0} · batch {1}
        TimelineDetail.AttendanceRecorded | Sesi {0}: {1} · kelas {2}                               | Session {0}: {1} · batch {2}
        TimelineDetail.Present            | hadir                                                   | present
        TimelineDetail.Absent             | tidak hadir                                             | absent
        TimelineDetail.TrainingResultRecorded | Ujian akhir {0}, kehadiran {1}%: {2} · kelas {3}    | Final assessment {0}, attendance {1}%: {2} · batch {3}
        TimelineDetail.Passed             | lulus                                                   | passed
        TimelineDetail.Failed             | tidak lulus                                             | failed
        TimelineDetail.Completed          | pelatihan selesai                                       | training completed
        TimelineDetail.NotCompleted       | pelatihan belum selesai                                 | training not completed
        TimelineDetail.ReferralSubmitted  | Ke {0}, {1}                                             | To {0}, {1}
        TimelineDetail.ReferralAnswered   | {0}: {1}                                                | {0}: {1}
        TimelineDetail.PermitRecorded     | {0}: {1}                                                | {0}: {1}
        TimelineDetail.PermitApplied      | {0}: diajukan {1}                                       | {0}: applied for on {1}
        TimelineDetail.PermitGranted      | {0}: terbit {1} (diajukan {2})                          | {0}: granted on {1} (applied for on {2})
        TimelineDetail.ProductAdded       | {0} ({1}), {2}                                          | {0} ({1}), {2}
        TimelineDetail.ProductNominated   | {0}                                                     | {0}
        TimelineDetail.CertificateUploaded | Kelas {0}                                              | Batch {0}
        TimelineDetail.ProductPhotoUploaded | {0}                                                   | {0}
        TimelineDetail.ProductCurated     | {0}: {1}                                                | {0}: {1}
        TimelineDetail.ShowcaseAdded      | {0} untuk {1}                                           | {0} for {1}
        TimelineDetail.ShowcaseAddedOn    | {0} untuk {1}, {2}                                      | {0} for {1} on {2}
        TimelineDetail.SalesRecorded      | {0}: {1}                                                | {0}: {1}

        Assessment.Title                  | Asesmen potensi dan minat                               | Assessment of potential and interest
        Assessment.Interests              | Minat pelatihan                                         | Training interests
        Assessment.PriorSkills            | Keterampilan yang sudah dimiliki                        | Skills already held
        Assessment.PriorWork              | Pekerjaan sebelumnya                                    | Previous work
        Assessment.Education              | Pendidikan terakhir                                     | Highest education
        Assessment.CanReadWrite           | Bisa membaca dan menulis (label, buku kas)?             | Reads and writes (labels, a cash book)?
        Assessment.HealthConstraint       | Kendala kesehatan                                       | Health constraint
        Assessment.FamilyConstraint       | Kendala keluarga                                        | Family constraint
        Assessment.PreferredBusiness      | Usaha yang diinginkan                                   | Preferred business
        Assessment.Submit                 | Simpan asesmen                                          | Save assessment
        Assessment.Recommended            | Pelatihan yang disarankan                               | Recommended training
        Assessment.Recommendations        | Rekomendasi pelatihan                                   | Training recommendations
        Assessment.RecommendationsHint    | Semua jalur pelatihan, paling cocok di atas, dengan alasannya. | Every training track, best fit first, with the reasons.
        Assessment.RecordedBy             | Dicatat oleh {0}, {1}                                   | Recorded by {0} on {1}

        Training.EnrolTitle               | Masukkan ke kelas pelatihan                             | Place in a training batch
        Training.Batch                    | Kelas pelatihan                                         | Training batch
        Training.EnrolSubmit              | Masukkan                                                | Place

        Release.Title                     | Pembebasan                                              | Release
        Release.Kind                      | Jenis pembebasan                                        | Kind of release
        Release.Date                      | Tanggal bebas                                           | Release date
        Release.SentenceEnd               | Tanggal ekspirasi (akhir pidana)                        | Sentence end
        Release.SentenceEndHint           | Wajib untuk PB, CB, CMB dan asimilasi.                  | Required for PB, CB, CMB and asimilasi.
        Release.Mentor                    | Pendamping                                              | Mentor
        Release.MentorDefault             | — pendamping pertama di Bapas —                         | — the Bapas's first mentor —
        Release.SupervisedUntil           | dibimbing Bapas sampai {0}                              | supervised by the Bapas until {0}
        Release.Submit                    | Catat pembebasan                                        | Record release

        FollowUp.Title                    | Catat pendampingan                                      | Record a follow-up
        FollowUp.Which                    | Pendampingan                                            | Follow-up
        FollowUp.Date                     | Tanggal kunjungan/telepon                               | Date of the visit or call
        FollowUp.Mode                     | Cara                                                    | How
        FollowUp.BusinessStatus           | Keadaan usaha                                           | Business status
        FollowUp.IncomeBand               | Pendapatan per bulan                                    | Monthly income
        FollowUp.Needs                    | Kebutuhan (modal, izin, pemasaran)                      | Needs (capital, permits, marketing)
        FollowUp.Notes                    | Catatan                                                 | Notes
        FollowUp.Submit                   | Simpan pendampingan                                     | Save follow-up

        Withdrawal.Title                  | Keluarkan dari program                                  | Withdraw from the programme
        Withdrawal.Reason                 | Alasan                                                  | Reason
        Withdrawal.Note                   | Catatan                                                 | Note
        Withdrawal.Submit                 | Keluarkan                                               | Withdraw

        Transfer.Title                    | Pindahkan kasus                                         | Transfer the case
        Transfer.Office                   | Kantor tujuan                                           | Receiving office
        Transfer.Mentor                   | Pendamping baru (nama pengguna)                         | New mentor (username)
        Transfer.Submit                   | Pindahkan                                               | Transfer
        """;
}
