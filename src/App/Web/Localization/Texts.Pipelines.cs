namespace PepFunctions.App.Web.Localization;

/// <summary>The administrators' page of stopped pipelines (<c>/kelola/alur</c>).</summary>
internal static partial class StringTable
{
    private const string PipelinePages = """
        # key                               | Bahasa Indonesia                                        | English
        StoppedPipelines.Title              | Alur kasus yang berhenti                                | Stopped pipelines
        StoppedPipelines.Intro              | Alur kasus ini gagal atau dihentikan. Perbaiki penyebabnya, lalu mulai ulang: alur dilanjutkan dari tahap yang tercatat pada kasus. | These pipelines failed or were terminated. Fix the cause, then restart: the pipeline goes on from the stage the case record is at.
        StoppedPipelines.None               | Tidak ada alur kasus yang berhenti.                     | No pipeline has stopped.
        StoppedPipelines.Status             | Status                                                  | Status
        StoppedPipelines.Reason             | Penyebab                                                | Reason
        StoppedPipelines.Since              | Sejak                                                   | Since
        StoppedPipelines.Restart            | Mulai ulang pada tahapnya                               | Restart at its stage
        """;
}
