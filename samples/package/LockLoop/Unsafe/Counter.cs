namespace LockLoop;

/// <summary>A counter file that threads and processes increment under a lock file.</summary>
public static class Counter
{
    public static int Increment(string counterPath, TimeSpan timeout)
    {
        var lockPath = counterPath + ".lock";
        // The wall clock jumps (NTP, daylight saving): the timeout fires early or never.
        var start = DateTime.UtcNow; // ⚠ SW2001
        FileStream? lockFile = null;
        // If the holder dies, its lock file stays, and every later caller waits for the timeout.
        while (lockFile == null) // ⚠ SW2002
        {
            try
            {
                lockFile = new FileStream(lockPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException)
            {
                if (DateTime.UtcNow - start > timeout)
                {
                    throw new TimeoutException($"{lockPath} is still held after {timeout}.");
                }

                Thread.Sleep(5);
            }
        }

        using (lockFile)
        {
            var value = File.Exists(counterPath) ? int.Parse(File.ReadAllText(counterPath)) : 0;
            value++;
            File.WriteAllText(counterPath, value.ToString()); // ⚠ SW1001
            return value;
        }
    }
}
