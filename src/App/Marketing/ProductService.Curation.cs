using Azure;
using Azure.Data.Tables;
using PepFunctions.App.Cases;
using PepFunctions.App.Http;
using PepFunctions.Domain;

namespace PepFunctions.App.Marketing;

/// <summary>Nomination and curation of <i>produk unggulan</i>, and the curators' queue.</summary>
/// <remarks>
/// Both actions store their idempotency key on the product (<c>NominationKey</c>, <c>CurationKey</c>), so the same action sent
/// again, also after a crash between the product row, the queue row and the timeline entry, recognises its own write, finishes
/// the rest and answers with the product; a different action on a product already nominated or curated is 409.
/// </remarks>
public sealed partial class ProductService
{
    /// <summary>Nominates the product as the office's <i>produk unggulan</i>, as an action without a key.</summary>
    public Task<ProductResponse> NominateAsync(StaffMember staff, string caseId, string productId, CancellationToken cancellationToken) =>
        NominateAsync(staff, caseId, productId, actionKey: null, cancellationToken);

    /// <summary>Nominates the product as the office's <i>produk unggulan</i>; a rejected product may be nominated again.</summary>
    /// <param name="staff">Who nominates it.</param>
    /// <param name="caseId">The person's case.</param>
    /// <param name="productId">The product.</param>
    /// <param name="actionKey">The action's idempotency key, stored on the product: the same nomination sent again, also after a crash
    /// between its writes, finishes what it left undone and answers with the product instead of 409.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <remarks>
    /// Once the nomination it made has been rejected, the same key nominates again: a key derived from the content (an API client
    /// without an <c>Idempotency-Key</c>) cannot tell a new nomination from a late retry, and a rejected product may be nominated again.
    /// </remarks>
    /// <exception cref="ConflictException">Another action nominated the product and it awaits curation or was approved.</exception>
    public async Task<ProductResponse> NominateAsync(StaffMember staff, string caseId, string productId, string? actionKey, CancellationToken cancellationToken)
    {
        var office = await cases.RequireAsync(staff, PipelineAction.NominateProduct, caseId, cancellationToken);
        await consents.RequireAsync(caseId, ConsentPurpose.ProductPromotion, cancellationToken);
        var (table, row) = await RequireProductAsync(caseId, productId, cancellationToken);
        // A retry does not know the status its first attempt left (none, or Rejected): it removes a Rejected queue row if any.
        string? previous = nameof(CurationStatus.Rejected);
        if (!IsOwnNomination(row, actionKey))
        {
            previous = row.CurationStatus;
            if (previous is nameof(CurationStatus.Pending) or nameof(CurationStatus.Approved))
            {
                throw new ConflictException($"The product is already nominated ({previous}).");
            }

            row.CurationStatus = nameof(CurationStatus.Pending);
            row.NominatedBy = staff.Username;
            row.NominatedAt = time.GetUtcNow();
            row.NominationKey = actionKey;
            row.DecidedBy = null;
            row.DecidedAt = null;
            row.DecisionReason = null;
            row.CurationKey = null;
            if (await TryReplaceAsync(table, row, cancellationToken))
            {
                logger.LogInformation("Product {ProductId} of case {CaseId} nominated by {Username}", productId, caseId, staff.Username);
            }
            else
            {
                // Changed at the same moment: by this same action racing (carry on as its retry), or by another (409).
                (_, row) = await RequireProductAsync(caseId, productId, cancellationToken);
                if (!IsOwnNomination(row, actionKey))
                {
                    throw Concurrent(productId);
                }
            }
        }

        // The queue row follows the product row: written (again, on a retry) while the nomination awaits curation.
        if (row.CurationStatus == nameof(CurationStatus.Pending))
        {
            await MoveInQueueAsync(row, office, previous, cancellationToken);
        }

        await timeline.AppendActionAsync(caseId, row.NominatedAt!.Value, row.NominatedBy ?? staff.Username, TimelineAction.ProductNominated,
            TimelineDetail.ProductNominated(productId), NominationOf(row), cancellationToken);
        return ProductResponse.From(row);
    }

    /// <summary>A national curator approves or rejects a nominated product, as an action without a key.</summary>
    public Task<ProductResponse> CurateAsync(
        StaffMember staff, string caseId, string productId, CurationRequest request, CancellationToken cancellationToken) =>
        CurateAsync(staff, caseId, productId, request, actionKey: null, cancellationToken);

    /// <summary>A national curator approves or rejects a nominated product.</summary>
    /// <param name="staff">The curator.</param>
    /// <param name="caseId">The person's case.</param>
    /// <param name="productId">The product.</param>
    /// <param name="request">The decision.</param>
    /// <param name="actionKey">The action's idempotency key, stored on the product until it is nominated again: the same decision sent
    /// again, also after a crash between its writes, finishes what it left undone and answers with the product instead of 409.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <exception cref="ConflictException">The product is not nominated, or another action curated it already.</exception>
    public async Task<ProductResponse> CurateAsync(
        StaffMember staff, string caseId, string productId, CurationRequest request, string? actionKey, CancellationToken cancellationToken)
    {
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        var errors = new List<FieldError>();
        if (request.Decision is not (CurationStatus.Approved or CurationStatus.Rejected))
        {
            errors.Add(new(nameof(request.Decision), "The decision is Approved or Rejected."));
        }

        if (reason is { Length: > MaxReasonLength })
        {
            errors.Add(new(nameof(request.Reason), $"The reason must be at most {MaxReasonLength} characters."));
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        var office = await cases.RequireCurationAsync(staff, caseId, cancellationToken);
        var now = time.GetUtcNow();
        var decision = request.Decision == CurationStatus.Approved
            ? CurationDecision.Approve(staff.Username, now, reason)
            : CurationDecision.Reject(staff.Username, now, reason ?? throw new RequestValidationException(nameof(request.Reason),
                "Give the reason for the rejection, so the office knows what to improve."));
        var (table, row) = await RequireProductAsync(caseId, productId, cancellationToken);
        if (!IsOwnCuration(row, actionKey))
        {
            if (row.CurationStatus != nameof(CurationStatus.Pending))
            {
                throw new ConflictException(row.CurationStatus is null
                    ? "The product has not been nominated; only nominated products are curated."
                    : $"The product was already curated ({row.CurationStatus}).");
            }

            row.CurationStatus = decision.Status.ToString();
            row.DecidedBy = decision.DecidedBy;
            row.DecidedAt = decision.DecidedAt;
            row.DecisionReason = decision.Reason;
            row.CurationKey = actionKey;
            if (await TryReplaceAsync(table, row, cancellationToken))
            {
                logger.LogInformation("Product {ProductId} of case {CaseId} curated {Decision} by {Username}", productId, caseId, decision.Status, staff.Username);
            }
            else
            {
                (_, row) = await RequireProductAsync(caseId, productId, cancellationToken);
                if (!IsOwnCuration(row, actionKey))
                {
                    throw Concurrent(productId);
                }
            }
        }

        await MoveInQueueAsync(row, office, nameof(CurationStatus.Pending), cancellationToken);
        await timeline.AppendActionAsync(caseId, row.DecidedAt!.Value, row.DecidedBy ?? staff.Username, TimelineAction.ProductCurated,
            TimelineDetail.ProductCurated(productId, Enum.Parse<CurationStatus>(row.CurationStatus!)),
            DecisionOf(row), cancellationToken);
        return ProductResponse.From(row);
    }

    /// <summary>The nominated products in <paramref name="status"/> that the staff member sees (a Kanwil: its province), oldest first.</summary>
    public async Task<IReadOnlyList<CurationItemResponse>> QueueAsync(StaffMember staff, CurationStatus status, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(MarketingTables.ProductsForCuration, cancellationToken);
        var items = new List<CurationItemResponse>();
        var partition = status.ToString();
        await foreach (var row in table.QueryAsync<CurationQueueEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: cancellationToken))
        {
            if (AccessPolicy.CanSeeProducts(staff, row.OfficeCode))
            {
                items.Add(CurationItemResponse.From(row));
            }
        }

        return [.. items.OrderBy(item => item.NominatedAt)];
    }

    /// <summary>
    /// The key of the timeline entry of the product's latest nomination: the product and when it was nominated, which a retry
    /// keeps. Not the action's key alone, which may be the same for two nominations (content-derived, before and after a rejection).
    /// </summary>
    private static string NominationOf(ProductEntity row) => $"{row.RowKey}|{row.NominatedAt!.Value.UtcTicks}";

    /// <summary>The key of the timeline entry of the decision on the product's latest nomination, as <see cref="NominationOf"/>.</summary>
    private static string DecisionOf(ProductEntity row) => $"{row.RowKey}|{row.DecidedAt!.Value.UtcTicks}";

    /// <summary>The nomination on the product was made by the action with <paramref name="actionKey"/> and has not been rejected since.</summary>
    private static bool IsOwnNomination(ProductEntity row, string? actionKey) =>
        actionKey is not null && row.NominationKey == actionKey && row.CurationStatus != nameof(CurationStatus.Rejected);

    /// <summary>The decision on the product's latest nomination was made by the action with <paramref name="actionKey"/>.</summary>
    private static bool IsOwnCuration(ProductEntity row, string? actionKey) => actionKey is not null && row.CurationKey == actionKey;

    /// <summary>Writes the product's queue row under its new status, then removes the one under <paramref name="previousStatus"/>.</summary>
    private async Task MoveInQueueAsync(ProductEntity row, string office, string? previousStatus, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(MarketingTables.ProductsForCuration, cancellationToken);
        var key = CurationQueueEntity.KeyOf(row.PartitionKey, row.RowKey);
        await table.UpsertEntityAsync(new CurationQueueEntity
        {
            PartitionKey = row.CurationStatus!,
            RowKey = key,
            OfficeCode = office,
            Province = Offices.Find(office)?.Province ?? "",
            Name = row.Name,
            Category = row.Category,
            PriceRupiah = row.PriceRupiah,
            NominatedAt = row.NominatedAt ?? time.GetUtcNow(),
            NominatedBy = row.NominatedBy ?? "",
            DecidedBy = row.DecidedBy,
            DecidedAt = row.DecidedAt,
            DecisionReason = row.DecisionReason,
        }, TableUpdateMode.Replace, cancellationToken);
        if (previousStatus is not null && previousStatus != row.CurationStatus)
        {
            await table.DeleteEntityAsync(previousStatus, key, ETag.All, cancellationToken);
        }
    }
}
