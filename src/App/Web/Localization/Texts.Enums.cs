namespace PepFunctions.App.Web.Localization;

/// <summary>The names of the domain's enum values, keyed <c>{Enum}.{Value}</c>.</summary>
internal static partial class StringTable
{
    private const string EnumNames = """
        # key                                   | Bahasa Indonesia                         | English
        ConsentPurpose.Programme                | Ikut program (asesmen, pelatihan, pendampingan) | Taking part (assessment, training, mentoring)
        ConsentPurpose.ShareWithMentors         | Dibagikan ke Bapas dan pendamping Pokmas Lipas | Shared with the Bapas and Pokmas Lipas mentors
        ConsentPurpose.ShareWithFinancingPartners | Dibagikan ke mitra pembiayaan (bank, Pegadaian) | Shared with financing partners (banks, Pegadaian)
        ConsentPurpose.ProductPromotion         | Produk dipamerkan tanpa nama                    | Products shown without the name

        EducationLevel.None                     | Tidak tamat SD                           | No completed schooling
        EducationLevel.Primary                  | SD                                       | Primary (SD)
        EducationLevel.JuniorSecondary          | SMP                                      | Junior secondary (SMP)
        EducationLevel.SeniorSecondary          | SMA/SMK                                  | Senior secondary (SMA/SMK)
        EducationLevel.Tertiary                 | Diploma/sarjana                          | Diploma or degree

        BusinessType.Food                       | Makanan                                  | Food
        BusinessType.Fashion                    | Busana dan kain                          | Clothing and cloth
        BusinessType.Beauty                     | Kecantikan                               | Beauty
        BusinessType.Crafts                     | Kerajinan dan mebel                      | Crafts and furniture
        BusinessType.Agriculture                | Pertanian                                | Farming
        BusinessType.Trade                      | Dagang (warung, kios)                    | Trade (stall, kiosk)

        ReleaseKind.EndOfSentence               | Bebas murni                              | End of sentence
        ReleaseKind.Parole                      | Pembebasan bersyarat (PB)                | Parole (PB)
        ReleaseKind.ConditionalLeave            | Cuti bersyarat (CB)                      | Conditional leave (CB)
        ReleaseKind.PreReleaseLeave             | Cuti menjelang bebas (CMB)               | Leave before release (CMB)
        ReleaseKind.Assimilation                | Asimilasi                                | Assimilation (asimilasi)

        WithdrawalReason.ConsentWithdrawn       | Persetujuan dicabut                      | Consent withdrawn
        WithdrawalReason.TransferOut            | Pindah ke luar program                   | Moved outside the programme
        WithdrawalReason.Reoffence              | Melakukan tindak pidana baru             | New offence
        WithdrawalReason.Death                  | Meninggal dunia                          | Died

        ContactMode.InPerson                    | Kunjungan                                | Visit
        ContactMode.Phone                       | Telepon                                  | Phone call
        BusinessStatus.NotStarted               | Belum mulai                              | Not started
        BusinessStatus.Preparing                | Persiapan                                | Preparing
        BusinessStatus.Running                  | Berjalan                                 | Running
        BusinessStatus.Paused                   | Berhenti sementara                       | Paused
        BusinessStatus.Closed                   | Tutup                                    | Closed
        IncomeBand.None                         | Belum ada                                | None
        IncomeBand.Below1M                      | Di bawah Rp1 juta                        | Under Rp1 million
        IncomeBand.From1To3M                    | Rp1–3 juta                               | Rp1–3 million
        IncomeBand.From3To5M                    | Rp3–5 juta                               | Rp3–5 million
        IncomeBand.Above5M                      | Di atas Rp5 juta                         | Over Rp5 million
        FollowUpState.Scheduled                 | Terjadwal                                | Scheduled
        FollowUpState.Upcoming                  | Segera                                   | Upcoming
        FollowUpState.Due                       | Jatuh tempo                              | Due
        FollowUpState.Overdue                   | Terlambat                                | Overdue
        FollowUpState.Done                      | Selesai                                  | Done

        ReferralStatus.Submitted                | Menunggu jawaban                         | Waiting for an answer
        ReferralStatus.Accepted                 | Disetujui                                | Accepted
        ReferralStatus.Rejected                 | Ditolak                                  | Rejected
        ReferralStatus.Disbursed                | Dicairkan                                | Disbursed
        FinancingPartnerKind.KurBank            | Bank penyalur KUR                        | KUR bank
        FinancingPartnerKind.Pegadaian          | Pegadaian                                | Pegadaian (pawnshop)
        FinancingPartnerKind.Cooperative        | Koperasi                                 | Cooperative
        FinancingPartnerKind.GrantProgramme     | Program hibah                            | Grant programme
        PermitKind.Nib                          | NIB (OSS)                                | NIB business number (OSS)
        PermitKind.SppIrt                       | SPP-IRT                                  | SPP-IRT home-food licence
        PermitKind.Halal                        | Sertifikat halal                         | Halal certificate
        PermitKind.Bpom                         | Izin edar BPOM                           | BPOM registration
        PermitStatus.NotApplied                 | Belum diajukan                           | Not applied for
        PermitStatus.Applied                    | Diajukan                                 | Applied for
        PermitStatus.Granted                    | Terbit                                   | Granted

        ProductCategory.Food                    | Olahan makanan                           | Processed food
        ProductCategory.Textile                 | Batik, tenun, busana                     | Batik, woven cloth, clothing
        ProductCategory.Craft                   | Kerajinan tangan                         | Handicraft
        ProductCategory.Furniture               | Mebel                                    | Furniture
        ProductCategory.Beauty                  | Kosmetik dan minyak (VCO)                | Cosmetics and oils (VCO)
        ProductCategory.Agriculture             | Hasil pertanian                          | Farm produce
        CurationStatus.Pending                  | Menunggu kurasi                          | Awaiting curation
        CurationStatus.Approved                 | Produk unggulan                          | Flagship product
        CurationStatus.Rejected                 | Belum lolos kurasi                       | Not selected
        ShowcaseKind.Exhibition                 | Pameran                                  | Exhibition
        ShowcaseKind.SalesChannel               | Saluran penjualan                        | Sales channel
        """;

    /// <summary>The services' English messages that staff see most, in both languages (<see cref="ServiceMessages"/>).</summary>
    private const string Messages = """
        # English message (key)                                                   | Bahasa Indonesia                                   | English
        ~Required; one of                                                         | Wajib dipilih.                                     | Required: choose one.
        ~Use only                                                                 | Pilihan tidak dikenal.                             | Unknown choice.
        ~At most                                                                  | Terlalu panjang.                                   | Too long.
        The registration number is required.                                     | Nomor registrasi wajib diisi.                      | The registration number is required.
        ~The registration number may hold                                         | Nomor registrasi hanya boleh berisi huruf, angka, '-', '.' dan '/', paling banyak 32 karakter. | The registration number may hold letters, digits, '-', '.' and '/', at most 32 characters.
        ~The registration number is letters and digits                            | Nomor registrasi hanya boleh berisi huruf dan angka (A-Z, 0-9) dalam kelompok yang dipisahkan satu '-', '.' atau '/', paling banyak 32 karakter. | The registration number is letters and digits (A-Z, 0-9), in groups separated by one '-', '.' or '/', at most 32 characters.
        The full name is required.                                                | Nama lengkap wajib diisi.                          | The full name is required.
        ~The full name must be at most                                            | Nama lengkap paling banyak 100 karakter.           | The full name must be at most 100 characters.
        The NIK must be exactly 16 digits, or left empty.                         | NIK harus tepat 16 angka, atau dikosongkan.        | The NIK must be exactly 16 digits, or left empty.
        The expected release date is required.                                    | Perkiraan tanggal bebas wajib diisi.               | The expected release date is required.
        Consent is required before enrolment.                                     | Persetujuan wajib sebelum pendaftaran.             | Consent is required before enrolment.
        The consent must cover taking part in the programme.                      | Persetujuan harus mencakup ikut program.           | The consent must cover taking part in the programme.
        ~Registration number '                                                    | Nomor registrasi ini sudah terdaftar di kantor ini. | This registration number is enrolled at this office already.
        List the tracks the person wants to learn (an empty list when none).      | Pilih minat pelatihan (boleh kosong).              | List the tracks the person wants to learn (an empty list when none).
        Say whether the person reads and writes well enough for labels and a cash book. | Pilih apakah WBP bisa membaca dan menulis.  | Say whether the person reads and writes well enough for labels and a cash book.
        The release date is required.                                             | Tanggal bebas wajib diisi.                         | The release date is required.
        A release is recorded on or after the day it happens, not before.         | Pembebasan dicatat pada atau setelah harinya, bukan sebelumnya. | A release is recorded on or after the day it happens, not before.
        ~A PB release needs                                                       | Pembebasan ini memerlukan tanggal ekspirasi.       | This release needs the date the sentence ends.
        ~A CB release needs                                                       | Pembebasan ini memerlukan tanggal ekspirasi.       | This release needs the date the sentence ends.
        ~A CMB release needs                                                      | Pembebasan ini memerlukan tanggal ekspirasi.       | This release needs the date the sentence ends.
        ~A asimilasi release needs                                                | Pembebasan ini memerlukan tanggal ekspirasi.       | This release needs the date the sentence ends.
        The sentence end must be on or after the release date.                    | Tanggal ekspirasi harus pada atau setelah tanggal bebas. | The sentence end must be on or after the release date.
        The day of the visit or call is required.                                 | Tanggal kunjungan/telepon wajib diisi.             | The day of the visit or call is required.
        A follow-up cannot be recorded for a future date.                         | Pendampingan tidak bisa dicatat untuk tanggal yang akan datang. | A follow-up cannot be recorded for a future date.
        The office code is required.                                              | Kantor tujuan wajib dipilih.                       | The office code is required.
        ~The pipeline of case                                                     | Proses kasus belum berjalan; coba lagi sebentar lagi. | The case's pipeline is not running yet; try again in a moment.
        ~Case '                                                                   | Tahap kasus saat ini tidak mengizinkan ini; muat ulang halaman. | The case's stage does not allow this now; reload the page.
        ~The assessment of case                                                   | Asesmen kasus ini sudah dicatat.                   | The assessment of this case was recorded already.
        ~The release of case                                                      | Pembebasan kasus ini sudah dicatat.                | The release of this case was recorded already.
        Choose the financing partner.                                             | Pilih mitra pembiayaan.                            | Choose the financing partner.
        The amount must be more than Rp0.                                         | Jumlah harus lebih dari Rp0.                       | The amount must be more than Rp0.
        ~KUR lends at most                                                        | KUR paling banyak Rp500 juta.                      | KUR lends at most Rp500 million.
        Say what the capital is for.                                              | Tulis untuk apa modal ini.                         | Say what the capital is for.
        A product name is required.                                               | Nama produk wajib diisi.                           | A product name is required.
        The price must be more than Rp0.                                          | Harga harus lebih dari Rp0.                        | The price must be more than Rp0.
        The month is written yyyy-MM, e.g. 2025-03.                               | Pilih bulan.                                       | Choose the month.
        Sales cannot be recorded for a month that has not started.                | Penjualan tidak bisa dicatat untuk bulan yang belum dimulai. | Sales cannot be recorded for a month that has not started.
        Give the month's sales in rupiah (0 when nothing was sold).               | Isi penjualan bulan ini dalam rupiah (0 bila tidak ada). | Give the month's sales in rupiah (0 when nothing was sold).
        A granted permit needs the date it was applied for.                       | Izin yang terbit memerlukan tanggal pengajuan.     | A granted permit needs the date it was applied for.
        A permit cannot be granted before it was applied for.                     | Izin tidak bisa terbit sebelum diajukan.           | A permit cannot be granted before it was applied for.
        ~Kelas pelatihan sudah penuh                                              | Kelas pelatihan sudah penuh.                       | The training batch is full.
        Say what the partner answered: Accepted, Rejected or Disbursed.           | Pilih jawaban mitra.                               | Choose the partner's answer.
        Give the partner's reason for the rejection.                              | Tulis alasan penolakan dari mitra.                 | Give the partner's reason for the rejection.
        Choose the product's category.                                            | Pilih jenis produk.                                | Choose the product's category.
        ~The product is already nominated                                         | Produk ini sudah diusulkan.                        | This product is nominated already.
        Give the reason for the rejection, so the office knows what to improve.   | Tulis alasan penolakan, agar kantor tahu apa yang perlu diperbaiki. | Give the reason for the rejection, so the office knows what to improve.
        Choose the person (case id) to enrol.                                     | Pilih WBP yang dimasukkan.                         | Choose the person to place.
        ~The session must be a number from                                        | Nomor sesi di luar jumlah sesi kelas ini.          | The session is not one of this batch's sessions.
        Choose Exhibition or SalesChannel.                                        | Pilih pameran atau saluran penjualan.              | Choose exhibition or sales channel.
        ~The name is required, at most                                            | Nama wajib diisi, paling banyak 120 karakter.      | The name is required, at most 120 characters.
        An exhibition needs its date.                                             | Pameran memerlukan tanggalnya.                     | An exhibition needs its date.
        ~The place is at most                                                     | Tempat paling banyak 120 karakter.                 | The place is at most 120 characters.
        Say whether the person passed the final assessment.                       | Pilih lulus atau tidak lulus.                      | Choose passed or not passed.
        """;
}
