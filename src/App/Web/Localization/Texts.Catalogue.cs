namespace PepFunctions.App.Web.Localization;

/// <summary>The public catalogue of produk unggulan.</summary>
internal static partial class StringTable
{
    private const string CataloguePages = """
        # key                               | Bahasa Indonesia                                        | English
        Nav.Catalogue                       | Katalog                                                 | Catalogue
        Catalogue.Title                     | Katalog produk unggulan                                 | Catalogue of flagship products
        Catalogue.Intro                     | Produk karya warga binaan dan klien pemasyarakatan yang sudah dikurasi sebagai produk unggulan. Pesanan diterima oleh UPT yang menjualnya. | Products made by people in the correctional system, curated as flagship products. Orders go to the office that sells them.
        Catalogue.Province                  | Provinsi                                                | Province
        Catalogue.Category                  | Kategori                                                | Category
        Catalogue.Any                       | Semua                                                   | All
        Catalogue.Show                      | Tampilkan                                               | Show
        Catalogue.None                      | Belum ada produk unggulan untuk pilihan ini.            | No flagship product matches this choice yet.
        Catalogue.SoldBy                    | Dijual oleh {0}                                         | Sold by {0}
        Catalogue.OrderAt                   | Cara memesan: {0}                                       | How to order: {0}
        Catalogue.OrderThroughOffice        | Cara memesan: hubungi {0}.                              | How to order: contact {0}.
        """;
}
