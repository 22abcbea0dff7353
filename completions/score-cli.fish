function __score-cli_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __score-cli_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __score-cli_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __score-cli_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __score-cli_parse_tokens -S
    set -l unparsed_tokens (__score-cli_tokens -pc)
    switch $unparsed_tokens[1]
    case 'score-cli'
        __score-cli_parse_subcommand 0 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'rubrics'
            __score-cli_parse_subcommand 0 'f/format=' 'version' 'h/help'
        case 'show'
            __score-cli_parse_subcommand 1 'f/format=' 'version' 'h/help'
        case 'template'
            __score-cli_parse_subcommand 1 'o/output=' 'csv' 'version' 'h/help'
        case 'score'
            __score-cli_parse_subcommand -r 1 'f/format=' 'r/rubric=' 'o/output=' 'top=' 'next=+' 'ties=' 'version' 'h/help'
        case 'subsidy'
            __score-cli_parse_subcommand 1 's/schedule=' 'l/ledger=' 'f/format=' 'o/output=' 'workers=' 'version' 'h/help'
        case 'audit'
            __score-cli_parse_subcommand -r 1 's/schedule=' 'l/ledger=' 'f/format=' 'o/output=' 'version' 'h/help'
        case 'lint'
            __score-cli_parse_subcommand -r 1 'version' 'h/help'
        case 'generate'
            __score-cli_parse_subcommand 0 's/schedule=' 'c/count=' 'seed=' 'applicants=' 'invalid-per-mille=' 'o/output=' 'version' 'h/help'
        case 'help'
            __score-cli_parse_subcommand -r 1 'version'
        end
    end
end

function __score-cli_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __score-cli_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __score-cli_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __score-cli_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__score-cli_tokens -p)
    if test -z "$(__score-cli_tokens -t)"
        set -l index (count (__score-cli_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'score-cli' -f
complete -c 'score-cli' -n '__score-cli_should_offer_completions_for_flags_or_options "score-cli" version' -l 'version' -d 'Show the version.'
complete -c 'score-cli' -n '__score-cli_should_offer_completions_for_flags_or_options "score-cli" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'score-cli' -n '__score-cli_should_offer_completions_for_positional "score-cli" -eq 1' -fa 'rubrics' -d '列出随工具提供的评分表 / List the shipped rubrics.'
complete -c 'score-cli' -n '__score-cli_should_offer_completions_for_positional "score-cli" -eq 1' -fa 'show' -d '按原表样式显示评分表：指标、满分、评分标准、核实说明、出处和解释 / Show a rubric like its source table.'
complete -c 'score-cli' -n '__score-cli_should_offer_completions_for_positional "score-cli" -eq 1' -fa 'template' -d '生成填写模板：评分表的自评文件，或扶持政策的申请文件 / Write a fill-in self-assessment or claims file.'
complete -c 'score-cli' -n '__score-cli_should_offer_completions_for_positional "score-cli" -eq 1' -fa 'score' -d '计算自评得分：逐项得分、逐条说明及出处、总分、失分和发现 / Score self-assessments.'
complete -c 'score-cli' -n '__score-cli_should_offer_completions_for_positional "score-cli" -eq 1' -fa 'subsidy' -d '按扶持政策逐条审核申请：是否符合、金额、受哪条上限约束，并按申请单位汇总 / Decide subsidy claims.'
complete -c 'score-cli' -n '__score-cli_should_offer_completions_for_positional "score-cli" -eq 1' -fa 'audit' -d '核实：重新计算自评表或申请，逐项列出申报数与规则不一致之处及依据 / Recompute and list every difference.'
complete -c 'score-cli' -n '__score-cli_should_offer_completions_for_positional "score-cli" -eq 1' -fa 'lint' -d '检查评分表与扶持政策文件：档次空档与重叠、达不到的档次、上限、分值、引文、有效期衔接 / Check rubric files.'
complete -c 'score-cli' -n '__score-cli_should_offer_completions_for_positional "score-cli" -eq 1' -fa 'generate' -d '按扶持政策生成模拟申请（CSV），用于性能测试 / Generate a claims CSV for benchmarks.'
complete -c 'score-cli' -n '__score-cli_should_offer_completions_for_positional "score-cli" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'score-cli' -n '__score-cli_should_offer_completions_for_flags_or_options "score-cli rubrics" f format' -l 'format' -s 'f' -d '输出格式 / output format: text, json, csv, markdown' -rfka 'text json csv markdown'
complete -c 'score-cli' -n '__score-cli_should_offer_completions_for_flags_or_options "score-cli rubrics" version' -l 'version' -d 'Show the version.'
complete -c 'score-cli' -n '__score-cli_should_offer_completions_for_flags_or_options "score-cli rubrics" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'score-cli' -n '__score-cli_should_offer_completions_for_flags_or_options "score-cli show" f format' -l 'format' -s 'f' -d '输出格式 / output format: text, json, csv, markdown' -rfka 'text json csv markdown'
complete -c 'score-cli' -n '__score-cli_should_offer_completions_for_flags_or_options "score-cli show" version' -l 'version' -d 'Show the version.'
complete -c 'score-cli' -n '__score-cli_should_offer_completions_for_flags_or_options "score-cli show" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'score-cli' -n '__score-cli_should_offer_completions_for_flags_or_options "score-cli template" o output' -l 'output' -s 'o' -d '写入文件（默认标准输出）/ write to this file instead of standard output' -rfka ''
complete -c 'score-cli' -n '__score-cli_should_offer_completions_for_flags_or_options "score-cli template" csv' -l 'csv' -d '扶持政策：给出申请 CSV 的表头 / for a schedule, the claims CSV header instead of YAML'
complete -c 'score-cli' -n '__score-cli_should_offer_completions_for_flags_or_options "score-cli template" version' -l 'version' -d 'Show the version.'
complete -c 'score-cli' -n '__score-cli_should_offer_completions_for_flags_or_options "score-cli template" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'score-cli' -n '__score-cli_should_offer_completions_for_flags_or_options "score-cli score" f format' -l 'format' -s 'f' -d '输出格式 / output format: text, json, csv, markdown, html, xlsx' -rfka 'text json csv markdown html xlsx'
complete -c 'score-cli' -n '__score-cli_should_offer_completions_for_flags_or_options "score-cli score" r rubric' -l 'rubric' -s 'r' -d '评分表 id 或路径，代替文件中的 rubric 字段 / use this rubric instead of the one each file names' -rfka ''
complete -c 'score-cli' -n '__score-cli_should_offer_completions_for_flags_or_options "score-cli score" o output' -l 'output' -s 'o' -d '写入文件（默认标准输出）/ write to this file instead of standard output' -rfka ''
complete -c 'score-cli' -n '__score-cli_should_offer_completions_for_flags_or_options "score-cli score" top' -l 'top' -d '按名额评定等次：第一个等次及名额，如 优秀=10 / rate by quota: the first rating and its places, e.g. 优秀=10' -rfka ''
complete -c 'score-cli' -n '__score-cli_should_offer_completions_for_flags_or_options "score-cli score"' -l 'next' -d '下一个等次及名额，可重复，如 表扬=10 / the next rating and its places; repeatable' -rfka ''
complete -c 'score-cli' -n '__score-cli_should_offer_completions_for_flags_or_options "score-cli score" ties' -l 'ties' -d '并列跨越名额界线时：higher 均评较高等次（默认），lower 均不评较高等次，undecided 列为待定 / how a tie across a quota\'s end is settled' -rfka 'higher lower undecided'
complete -c 'score-cli' -n '__score-cli_should_offer_completions_for_flags_or_options "score-cli score" version' -l 'version' -d 'Show the version.'
complete -c 'score-cli' -n '__score-cli_should_offer_completions_for_flags_or_options "score-cli score" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'score-cli' -n '__score-cli_should_offer_completions_for_flags_or_options "score-cli subsidy" s schedule' -l 'schedule' -s 's' -d '扶持政策 id 或文件路径 / schedule id or path' -rfka ''
complete -c 'score-cli' -n '__score-cli_should_offer_completions_for_flags_or_options "score-cli subsidy" l ledger' -l 'ledger' -s 'l' -d '既往给予记录（CSV：claim_id,applicant,date,measure,amount[,matter]）/ prior awards' -rfka ''
complete -c 'score-cli' -n '__score-cli_should_offer_completions_for_flags_or_options "score-cli subsidy" f format' -l 'format' -s 'f' -d '输出格式 / output format: text, json, csv, markdown, html, xlsx' -rfka 'text json csv markdown html xlsx'
complete -c 'score-cli' -n '__score-cli_should_offer_completions_for_flags_or_options "score-cli subsidy" o output' -l 'output' -s 'o' -d '写入文件（默认标准输出）/ write to this file instead of standard output' -rfka ''
complete -c 'score-cli' -n '__score-cli_should_offer_completions_for_flags_or_options "score-cli subsidy" workers' -l 'workers' -d '并行线程数（默认为处理器数；结果与线程数无关）/ threads (default: processors; results do not depend on it)' -rfka ''
complete -c 'score-cli' -n '__score-cli_should_offer_completions_for_flags_or_options "score-cli subsidy" version' -l 'version' -d 'Show the version.'
complete -c 'score-cli' -n '__score-cli_should_offer_completions_for_flags_or_options "score-cli subsidy" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'score-cli' -n '__score-cli_should_offer_completions_for_flags_or_options "score-cli audit" s schedule' -l 'schedule' -s 's' -d '扶持政策 id 或路径：核实申请 / schedule, to audit claims' -rfka ''
complete -c 'score-cli' -n '__score-cli_should_offer_completions_for_flags_or_options "score-cli audit" l ledger' -l 'ledger' -s 'l' -d '既往给予记录 / prior awards (with --schedule)' -rfka ''
complete -c 'score-cli' -n '__score-cli_should_offer_completions_for_flags_or_options "score-cli audit" f format' -l 'format' -s 'f' -d '输出格式 / output format: text, json, csv, markdown, html, xlsx' -rfka 'text json csv markdown html xlsx'
complete -c 'score-cli' -n '__score-cli_should_offer_completions_for_flags_or_options "score-cli audit" o output' -l 'output' -s 'o' -d '写入文件（默认标准输出）/ write to this file instead of standard output' -rfka ''
complete -c 'score-cli' -n '__score-cli_should_offer_completions_for_flags_or_options "score-cli audit" version' -l 'version' -d 'Show the version.'
complete -c 'score-cli' -n '__score-cli_should_offer_completions_for_flags_or_options "score-cli audit" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'score-cli' -n '__score-cli_should_offer_completions_for_flags_or_options "score-cli lint" version' -l 'version' -d 'Show the version.'
complete -c 'score-cli' -n '__score-cli_should_offer_completions_for_flags_or_options "score-cli lint" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'score-cli' -n '__score-cli_should_offer_completions_for_flags_or_options "score-cli generate" s schedule' -l 'schedule' -s 's' -d '扶持政策 id 或文件路径 / schedule id or path' -rfka ''
complete -c 'score-cli' -n '__score-cli_should_offer_completions_for_flags_or_options "score-cli generate" c count' -l 'count' -s 'c' -d '申请条数 / number of claims' -rfka ''
complete -c 'score-cli' -n '__score-cli_should_offer_completions_for_flags_or_options "score-cli generate" seed' -l 'seed' -d '随机种子（默认 1）/ seed' -rfka ''
complete -c 'score-cli' -n '__score-cli_should_offer_completions_for_flags_or_options "score-cli generate" applicants' -l 'applicants' -d '申请单位数（默认 条数/8，1 到 100000 之间）/ number of applicants (default count/8, at most 100000)' -rfka ''
complete -c 'score-cli' -n '__score-cli_should_offer_completions_for_flags_or_options "score-cli generate" invalid-per-mille' -l 'invalid-per-mille' -d '每千行中有错的行数（0–1000，默认 1）/ planted bad rows per thousand' -rfka ''
complete -c 'score-cli' -n '__score-cli_should_offer_completions_for_flags_or_options "score-cli generate" o output' -l 'output' -s 'o' -d '写入文件（默认标准输出）/ write to this file instead of standard output' -rfka ''
complete -c 'score-cli' -n '__score-cli_should_offer_completions_for_flags_or_options "score-cli generate" version' -l 'version' -d 'Show the version.'
complete -c 'score-cli' -n '__score-cli_should_offer_completions_for_flags_or_options "score-cli generate" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'score-cli' -n '__score-cli_should_offer_completions_for_flags_or_options "score-cli help" version' -l 'version' -d 'Show the version.'
