using System;
using System.IO;

namespace Cases;

// Temp-then-rename done wrong: one hazard per member (SW1003–SW1006), and an in-process lock around a shared file (SW2003).
public sealed class Publishes
{
    private readonly object _gate = new();

    public void FromTempDirectory(string path, string text)
    {
        var temp = Path.GetTempFileName();
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
        {
            stream.Write(System.Text.Encoding.UTF8.GetBytes(text));
        }

        File.Move(temp, path, overwrite: true);
    }

    public void DeleteThenMove(string path, string text)
    {
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
        {
            stream.Write(System.Text.Encoding.UTF8.GetBytes(text));
        }

        File.Delete(path);
        File.Move(temp, path);
    }

    public void Unflushed(string path, byte[] data)
    {
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllBytes(temp, data);
        File.Move(temp, path, overwrite: true);
    }

    public void FixedTempName(string path, string text)
    {
        var temp = path + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
        {
            stream.Write(System.Text.Encoding.UTF8.GetBytes(text));
        }

        File.Move(temp, path, overwrite: true);
    }

    public void UnderInProcessLock(string path, string text)
    {
        lock (_gate)
        {
            var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
            {
                stream.Write(System.Text.Encoding.UTF8.GetBytes(text));
            }

            File.Move(temp, path, overwrite: true);
        }
    }
}
