namespace PepFunctions.Durable.Tests.Abstractions;

public sealed class TaskFailureDetailsTests
{
    [Fact]
    public void FromException_WithInner_CapturesTypeMessageAndInnerChain()
    {
        Exception thrown;
        try
        {
            throw new InvalidOperationException("outer", new TimeoutException("inner"));
        }
        catch (InvalidOperationException ex)
        {
            thrown = ex;
        }

        var details = TaskFailureDetails.FromException(thrown);

        Assert.Equal(("System.InvalidOperationException", "outer"), (details.ErrorType, details.ErrorMessage));
        Assert.NotNull(details.StackTrace);
        Assert.Equal(("System.TimeoutException", "inner"), (details.InnerFailure?.ErrorType, details.InnerFailure?.ErrorMessage));
    }

    [Fact]
    public void IsCausedBy_TypeOfInnerFailure_True() =>
        Assert.True(TaskFailureDetails.FromException(new InvalidOperationException("o", new TimeoutException("i"))).IsCausedBy<TimeoutException>());

    [Fact]
    public void IsCausedBy_UnrelatedType_False() =>
        Assert.False(TaskFailureDetails.FromException(new InvalidOperationException("o")).IsCausedBy<TimeoutException>());

    [Fact]
    public void TaskFailedException_Message_NamesTaskIdAndFailure()
    {
        var ex = new TaskFailedException("Charge", 3, new TaskFailureDetails("System.TimeoutException", "slow"));

        Assert.Equal("Task 'Charge' (#3) failed: System.TimeoutException: slow", ex.Message);
    }
}
