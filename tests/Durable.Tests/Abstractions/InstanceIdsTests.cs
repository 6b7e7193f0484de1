namespace PepFunctions.Durable.Tests.Abstractions;

public sealed class InstanceIdsTests
{
    [Theory]
    [InlineData("order-42")]
    [InlineData("a")]
    [InlineData("parent:0123abcd:3")]
    [InlineData("ünïcødé id with spaces")]
    public void Validate_AcceptableId_DoesNotThrow(string id)
    {
        var ex = Record.Exception(() => InstanceIds.Validate(id));

        Assert.Null(ex);
    }

    [Fact]
    public void Validate_MaxLength_DoesNotThrow()
    {
        var ex = Record.Exception(() => InstanceIds.Validate(new string('x', InstanceIds.MaxLength)));

        Assert.Null(ex);
    }

    [Theory]
    [InlineData("a/b", "/")]
    [InlineData("a\\b", "\\")]
    [InlineData("a#b", "#")]
    [InlineData("a?b", "?")]
    public void Validate_ForbiddenCharacter_ThrowsNamingIt(string id, string shown)
    {
        var ex = Assert.Throws<ArgumentException>(() => InstanceIds.Validate(id, "options"));

        Assert.EndsWith($"it contains {shown}. (Parameter 'options')", ex.Message, StringComparison.Ordinal);
        Assert.Equal("options", ex.ParamName);
    }

    [Theory]
    [InlineData("a\u0000b", "U+0000")]
    [InlineData("a\tb", "U+0009")]
    [InlineData("a\nb", "U+000A")]
    [InlineData("a\u007Fb", "U+007F")]
    [InlineData("a\u0085b", "U+0085")]
    public void Validate_ControlCharacter_ThrowsNamingItsCodePoint(string id, string shown)
    {
        var ex = Assert.Throws<ArgumentException>(() => InstanceIds.Validate(id));

        Assert.Contains($"it contains {shown}", ex.Message, StringComparison.Ordinal);
        Assert.Equal("instanceId", ex.ParamName);
    }

    [Fact]
    public void Validate_TooLong_ThrowsNamingLimitAndLength()
    {
        var ex = Assert.Throws<ArgumentException>(() => InstanceIds.Validate(new string('x', InstanceIds.MaxLength + 1)));

        Assert.Contains("at most 256 characters; this one has 257", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_EmptyOrBlank_ThrowsSayingItMustNotBeEmpty(string id)
    {
        var ex = Assert.Throws<ArgumentException>(() => InstanceIds.Validate(id));

        Assert.Contains("must not be empty", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public void Validate_DotSegment_ThrowsBecauseItIsAPathSegment(string id)
    {
        var error = Assert.Throws<ArgumentException>(() => InstanceIds.Validate(id));

        Assert.Contains("'.' or '..'", error.Message, StringComparison.Ordinal);
    }
}
