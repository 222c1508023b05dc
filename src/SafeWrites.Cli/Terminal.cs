namespace SafeWrites.Cli;

/// <summary>
/// Where the tool talks to a person: progress lines on stderr only on an interactive terminal (never when
/// redirected or under CI=true), and colour only when stdout is a terminal and NO_COLOR is unset.
/// </summary>
internal sealed class Terminal
{
    private readonly bool _progress;
    private int _lastLength;

    public Terminal(TextWriter output, TextWriter error, bool interactiveOutput, bool interactiveError)
    {
        Output = output;
        Error = error;
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        _progress = interactiveError && !ci;
        UseColour = interactiveOutput && Environment.GetEnvironmentVariable("NO_COLOR") is null;
    }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    public bool UseColour { get; }

    public static Terminal FromConsole()
        => new(Console.Out, Console.Error, !Console.IsOutputRedirected, !Console.IsErrorRedirected);

    /// <summary>Overwrites the progress line (stderr) when on a terminal; otherwise does nothing.</summary>
    public void Progress(string text)
    {
        if (!_progress)
        {
            return;
        }

        var padded = text.Length < _lastLength ? text.PadRight(_lastLength) : text;
        _lastLength = text.Length;
        Error.Write("\r" + padded);
    }

    /// <summary>Clears the progress line before ordinary output.</summary>
    public void EndProgress()
    {
        if (_progress && _lastLength > 0)
        {
            Error.Write("\r" + new string(' ', _lastLength) + "\r");
            _lastLength = 0;
        }
    }

    public string Colour(string text, ConsoleColor colour)
    {
        if (!UseColour)
        {
            return text;
        }

        var code = colour switch
        {
            ConsoleColor.Red => "31",
            ConsoleColor.Yellow => "33",
            ConsoleColor.Cyan => "36",
            ConsoleColor.Green => "32",
            _ => "90",
        };
        return $"\u001b[{code}m{text}\u001b[0m";
    }
}
