namespace SafeWrites.Cli.Loading;

/// <summary>An input that could not be read or loaded: the run ends with exit code 2 and this message.</summary>
internal sealed class InputException : Exception
{
    public InputException(string message)
        : base(message)
    {
    }
}
