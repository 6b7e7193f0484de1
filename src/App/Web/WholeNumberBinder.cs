using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace PepFunctions.App.Web;

/// <summary>
/// Binds a whole number of a staff form (a rupiah amount, a price) as people type it on a phone: <c>10.000.000</c> the Indonesian way,
/// <c>10,000,000</c> or <c>10 000 000</c>, with or without <c>Rp</c>. Anything else is the field's usual "not a number" error.
/// </summary>
internal sealed class WholeNumberBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        var value = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (value == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, value);
        var text = value.FirstValue?.Trim() ?? "";
        if (text.Length == 0)
        {
            // Empty: null for a long?, the required-value error for a long, as the built-in binder does.
            if (bindingContext.ModelMetadata.IsReferenceOrNullableType)
            {
                bindingContext.Result = ModelBindingResult.Success(null);
            }

            return Task.CompletedTask;
        }

        if (Normalise(text) is { } digits && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            bindingContext.Result = ModelBindingResult.Success(number);
        }
        else
        {
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName,
                bindingContext.ModelMetadata.ModelBindingMessageProvider.AttemptedValueIsInvalidAccessor(text, bindingContext.ModelMetadata.GetDisplayName()));
        }

        return Task.CompletedTask;
    }

    /// <summary>The digits of <paramref name="text"/> when its separators group thousands (every group after the first has 3 digits); else null.</summary>
    internal static string? Normalise(string text)
    {
        var body = text.StartsWith("Rp", StringComparison.OrdinalIgnoreCase) ? text[2..].TrimStart('.', ' ') : text;
        var groups = body.Split(['.', ',', ' ', '\u00A0'], StringSplitOptions.None);
        if (groups.Any(g => g.Length == 0 || !g.All(char.IsAsciiDigit)) || groups.Skip(1).Any(g => g.Length != 3))
        {
            return null;
        }

        return string.Concat(groups);
    }
}

/// <summary>Puts <see cref="WholeNumberBinder"/> on every <see cref="long"/> and <see cref="Nullable{Int64}"/> a page binds.</summary>
internal sealed class WholeNumberBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Metadata.UnderlyingOrModelType == typeof(long) ? new WholeNumberBinder() : null;
    }
}
