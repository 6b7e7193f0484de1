namespace PepFunctions.Domain;

/// <summary>Something a member of staff does to a case; <see cref="AccessPolicy"/> says which roles may.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PipelineAction>))]
public enum PipelineAction
{
    /// <summary>Enrol a person and record their consent.</summary>
    Enrol,

    /// <summary>Record the <i>asesmen potensi dan minat</i> (assessment of potential and interest).</summary>
    RecordAssessment,

    /// <summary>Open training batches, place people in them, record attendance and results.</summary>
    ManageTraining,

    /// <summary>Record a release: end of sentence, PB, CB, CMB or asimilasi.</summary>
    RecordRelease,

    /// <summary>Record a follow-up visit or call after release.</summary>
    RecordFollowUp,

    /// <summary>Refer a person to a bank, Pegadaian, cooperative or grant programme for capital.</summary>
    ReferCapital,

    /// <summary>Record a financing partner's answer (accepted, rejected, disbursed).</summary>
    RecordPartnerAnswer,

    /// <summary>Add a product a person makes.</summary>
    AddProduct,

    /// <summary>Nominate a product as the office's <i>produk unggulan</i> (flagship product).</summary>
    NominateProduct,

    /// <summary>Approve or reject a nominated product at national level.</summary>
    CurateProduct,

    /// <summary>Withdraw a person from the programme (consent withdrawn, transfer out, reoffence, death).</summary>
    Withdraw,

    /// <summary>Move a case to another office.</summary>
    Transfer,
}
