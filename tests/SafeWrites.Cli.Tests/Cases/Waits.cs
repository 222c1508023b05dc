using System;
using System.IO;
using System.Threading;

namespace Cases;

public static class Waits
{
    public static void WaitForFile(string path, TimeSpan timeout)
    {
        var started = DateTime.UtcNow;
        while (!File.Exists(path))
        {
            if (DateTime.UtcNow - started > timeout)
            {
                throw new TimeoutException(path);
            }

            Thread.Sleep(20);
        }
    }

    public static FileStream TakeLock(string lockPath)
    {
        while (true)
        {
            try
            {
                return new FileStream(lockPath, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            }
            catch (IOException)
            {
                Thread.Sleep(50);
            }
        }
    }
}
