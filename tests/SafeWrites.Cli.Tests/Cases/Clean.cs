using System.Diagnostics;
using System.IO;

namespace Cases;

public static class Clean
{
    public static string Read(string path) => File.ReadAllText(path);

    public static bool Within(Stopwatch watch, long limitMs) => watch.ElapsedMilliseconds < limitMs;

    public static void Copy(string from, string to) => File.Copy(from, to, overwrite: false);
}
