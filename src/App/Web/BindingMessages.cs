using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Localization;

namespace PepFunctions.App.Web;

/// <summary>The model binder's own messages (a date that is not a date, a missing number), from the string table.</summary>
internal static class BindingMessages
{
    public static void Localize(DefaultModelBindingMessageProvider messages, IStringLocalizer l)
    {
        messages.SetValueIsInvalidAccessor(value => l["Binding.ValueInvalid", value]);
        messages.SetAttemptedValueIsInvalidAccessor((value, _) => l["Binding.ValueInvalid", value]);
        messages.SetUnknownValueIsInvalidAccessor(_ => l["Binding.Invalid"]);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => l["Binding.ValueInvalid", value]);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => l["Binding.Invalid"]);
        messages.SetValueMustNotBeNullAccessor(_ => l["Binding.Required"]);
        messages.SetMissingBindRequiredValueAccessor(_ => l["Binding.Required"]);
        messages.SetMissingKeyOrValueAccessor(() => l["Binding.Required"]);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => l["Binding.Required"]);
        messages.SetValueMustBeANumberAccessor(_ => l["Binding.Number"]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => l["Binding.Number"]);
    }
}
