namespace SafeWrites.Analyzers.Tests.Writes;

/// <summary>
/// A write-callback helper of the compilation for the temp-path tests (<see cref="Usings"/> go before the case,
/// <see cref="Source"/> after it): <c>Replace</c>, <c>TryReplace</c> and
/// <c>ReplaceAsync</c> hand their callback a temp beside the destination and rename it over it; <c>Overwrite</c> hands
/// it the destination itself.
/// </summary>
internal static class SwapHelper
{
    public const string Usings = "using System;\nusing System.IO;\nusing System.Threading.Tasks;\n";

    public const string Source = """

        internal static class Swap
        {
            public static void Replace(string path, Action<string> write)
            {
                var tmp = path + ".new";
                write(tmp);
                File.Move(tmp, path, overwrite: true);
            }

            public static void TryReplace(string path, Action<string> write)
            {
                var tmp = path + ".new";
                write?.Invoke(tmp);
                File.Move(tmp, path, overwrite: true);
            }

            public static async Task ReplaceAsync(string path, Func<string, Task> write)
            {
                var tmp = path + ".new";
                await write(tmp);
                File.Move(tmp, path, overwrite: true);
            }

            public static void Overwrite(string path, Action<string> write) => write(path);
        }
        """;
}
