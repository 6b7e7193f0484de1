namespace PepFunctions.Durable.Tests.Abstractions;

public sealed class JsonDataConverterTests
{
    [Fact]
    public void Serialize_Record_CamelCaseWithEnumsAsStrings() =>
        Assert.Equal(
            "{\"instanceId\":\"a\",\"status\":\"Running\"}",
            JsonDataConverter.Default.Serialize(new Sample("a", OrchestrationStatus.Running)));

    [Fact]
    public void Serialize_Null_StaysNull() => Assert.Null(JsonDataConverter.Default.Serialize(null));

    [Fact]
    public void Serialize_ObjectWithCycle_ThrowsPayloadSerializationExceptionNamingTheType()
    {
        var node = new Node();
        node.Next = node;

        var ex = Assert.Throws<PayloadSerializationException>(() => JsonDataConverter.Default.Serialize(node));

        Assert.Contains(nameof(Node), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_NullTextForValueType_GivesDefault() => Assert.Equal(0, JsonDataConverter.Default.Deserialize<int>(null));

    [Fact]
    public void Deserialize_TextOfWrongShape_ThrowsPayloadSerializationExceptionNamingTheType()
    {
        var ex = Assert.Throws<PayloadSerializationException>(() => JsonDataConverter.Default.Deserialize<int>("\"abc\""));

        Assert.Contains("Int32", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_WhatSerializeWrote_RoundTrips()
    {
        var value = new Sample("x/y", OrchestrationStatus.Suspended);

        Assert.Equal(value, JsonDataConverter.Default.Deserialize<Sample>(JsonDataConverter.Default.Serialize(value)));
    }

    public sealed record Sample(string InstanceId, OrchestrationStatus Status);

    public sealed class Node
    {
        public Node? Next { get; set; }
    }
}
