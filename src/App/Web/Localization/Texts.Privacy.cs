namespace PepFunctions.App.Web.Localization;

/// <summary>Personal data: the timeline's privacy entries, the export page and the consent messages.</summary>
internal static partial class StringTable
{
    private const string PrivacyPages = """
        # key                             | Bahasa Indonesia                                        | English
        TimelineAction.ConsentChanged     | Persetujuan diubah                                      | Consent changed
        TimelineAction.Corrected          | Data pribadi dikoreksi                                  | Personal data corrected
        TimelineAction.Exported           | Data pribadi diekspor                                   | Personal data exported
        TimelineAction.TimelineRead       | Riwayat dibaca                                          | Timeline read
        TimelineAction.FileDownloaded     | Berkas diunduh                                          | File downloaded

        Export.Title                      | Data pribadi yang disimpan                              | Personal data held
        Export.Intro                      | Semua data yang disimpan sistem tentang orang ini (UU 27/2022 tentang Pelindungan Data Pribadi). Ekspor ini tercatat. | Everything the system holds about this person (Law 27/2022 on Personal Data Protection). This export is recorded.
        Export.Link                       | Ekspor data pribadi                                     | Export personal data
        Export.Record                     | Data kasus                                              | Case record
        Export.Consent                    | Persetujuan                                             | Consent
        Export.Files                      | Berkas                                                  | Files
        Export.ExportedBy                 | Diekspor oleh {0} pada {1}                              | Exported by {0} at {1}
        Export.Print                      | Cetak                                                   | Print
        Export.None                       | (tidak ada)                                             | (none)

        PersonalData.Title                | Persetujuan dan koreksi data pribadi                    | Consent and correction of personal data
        PersonalData.Link                 | Persetujuan dan koreksi data                            | Consent and corrections
        PersonalData.ConsentHint          | Dicatat oleh {0}, {1}. Perubahan dicatat atas nama Anda, dengan waktu server. | Recorded by {0}, {1}. A change is recorded in your name, at the server's time.
        PersonalData.Purpose              | Tujuan                                                  | Purpose
        PersonalData.Give                 | Memberi persetujuan                                     | Give consent
        PersonalData.Withdraw             | Menarik persetujuan (menarik "ikut program" mengeluarkan dari program) | Withdraw consent (withdrawing "taking part" withdraws from the programme)
        PersonalData.SaveConsent          | Simpan persetujuan                                      | Save consent
        PersonalData.Correction           | Koreksi data                                            | Correction
        PersonalData.CorrectionHint       | Nilai lama dan baru hanya tersimpan di jejak audit yang dilihat administrator. | The old and new values are kept only in the audit trail administrators see.
        PersonalData.SaveCorrection       | Simpan koreksi                                          | Save correction
        PersonalData.Saved.Consent        | Persetujuan tersimpan.                                  | Consent saved.
        PersonalData.Saved.Correction     | Koreksi tersimpan.                                      | Correction saved.
        ~Missing consent to ShareWithFinancingPartners                           | Belum ada persetujuan untuk dibagikan ke mitra pembiayaan: rujukan membagikan data orang ini ke mitra. Catat persetujuannya dulu. | No consent to share with financing partners: a referral shares this person's data with a partner. Record the consent first.
        ~Missing consent to ProductPromotion                                     | Belum ada persetujuan untuk promosi produk: pameran dan produk unggulan menampilkan produknya ke publik. Catat persetujuannya dulu. | No consent to product promotion: showcases and produk unggulan show the products publicly. Record the consent first.
        ~Missing consent to ShareWithMentors                                     | Belum ada persetujuan untuk dibagikan ke pendamping: pendamping Pokmas Lipas melihat data orang ini. Catat persetujuannya dulu. | No consent to share with mentors: a Pokmas Lipas mentor sees this person's record. Record the consent first.
        ~Missing consent to Programme                                            | Belum ada persetujuan untuk ikut program. Catat persetujuannya dulu. | No consent to take part in the programme. Record the consent first.
        """;
}
