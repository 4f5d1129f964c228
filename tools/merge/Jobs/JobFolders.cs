using ChaosFeatures.Merge.Cli;

namespace ChaosFeatures.Merge.Jobs;

/// <summary>The job folders named on the command line: each a job (it holds <c>job.json</c>) or a folder of jobs (downloaded artifacts).</summary>
internal static class JobFolders
{
    public static IReadOnlyList<JobFolder> Find(IReadOnlyList<string> paths, string currentDirectory)
    {
        var jobs = new List<JobFolder>();
        foreach (var given in paths)
        {
            var path = Path.GetFullPath(given, currentDirectory);
            if (!Directory.Exists(path))
                throw new MergeInputException($"'{given}' is not a folder (give job folders, or a folder of them)");
            var folders = File.Exists(Path.Combine(path, JobManifest.FileName))
                ? [path]
                : Directory.GetDirectories(path).Where(d => File.Exists(Path.Combine(d, JobManifest.FileName))).Order(StringComparer.Ordinal).ToList();
            if (folders.Count == 0)
                throw new MergeInputException($"'{given}' holds no {JobManifest.FileName}, nor do its subfolders");
            jobs.AddRange(folders.Select(f => new JobFolder(f, JobManifest.Read(Path.Combine(f, JobManifest.FileName)))));
        }
        var twice = jobs.GroupBy(j => j.Manifest.Name).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
            throw new MergeInputException($"job {twice.Key} is given twice: {string.Join(" and ", twice.Select(j => j.Path))}");
        var splits = jobs.Select(j => j.Manifest.Shard.Count).Distinct().ToList();
        if (splits.Count > 1)
            throw new MergeInputException($"the jobs split the suite in different ways ({string.Join(", ", splits.Order().Select(n => $"{n} shards"))}); merge one nightly at a time");
        return [.. jobs.OrderBy(j => j.Manifest.GenSeed).ThenBy(j => j.Manifest.Scheduler, StringComparer.Ordinal).ThenBy(j => j.Manifest.Shard.Index)];
    }
}
