#compdef score-cli

__score-cli_complete() {
    local -ar non_empty_completions=("${@:#(|:*)}")
    local -ar empty_completions=("${(M)@:#(|:*)}")
    _describe -V '' non_empty_completions -- empty_completions -P $'\'\''
}

__score-cli_custom_complete() {
    local -a completions
    completions=("${(@f)"$("${command_name}" "${@}" "${command_line[@]}")"}")
    if [[ "${#completions[@]}" -gt 1 ]]; then
        __score-cli_complete "${completions[@]:0:-1}"
    fi
}

__score-cli_cursor_index_in_current_word() {
    if [[ -z "${QIPREFIX}${IPREFIX}${PREFIX}" ]]; then
        printf 0
    else
        printf %s "${#${(z)LBUFFER}[-1]}"
    fi
}

_score-cli() {
    emulate -RL zsh -G
    setopt extendedglob nullglob numericglobsort
    unsetopt aliases banghist

    local -xr SAP_SHELL=zsh
    local -x SAP_SHELL_VERSION
    SAP_SHELL_VERSION="$(builtin emulate zsh -c 'printf %s "${ZSH_VERSION}"')"
    local -r SAP_SHELL_VERSION

    local context state state_descr line
    local -A opt_args

    local -r command_name="${words[1]}"
    local -ar command_line=("${words[@]}")
    local -ir current_word_index="$((CURRENT - 1))"

    local -i ret=1
    local -ar arg_specs=(
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
        '(-): :->command'
        '(-)*:: :->arg'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0
    case "${state}" in
    command)
        local -ar subcommands=(
            'rubrics:列出随工具提供的评分表 / List the shipped rubrics.'
            'show:按原表样式显示评分表：指标、满分、评分标准、核实说明、出处和解释 / Show a rubric like its source table.'
            'template:生成填写模板：评分表的自评文件，或扶持政策的申请文件 / Write a fill-in self-assessment or claims file.'
            'score:计算自评得分：逐项得分、逐条说明及出处、总分、失分和发现 / Score self-assessments.'
            'subsidy:按扶持政策逐条审核申请：是否符合、金额、受哪条上限约束，并按申请单位汇总 / Decide subsidy claims.'
            'audit:核实：重新计算自评表或申请，逐项列出申报数与规则不一致之处及依据 / Recompute and list every difference.'
            'lint:检查评分表与扶持政策文件：档次空档与重叠、达不到的档次、上限、分值、引文、有效期衔接 / Check rubric files.'
            'generate:按扶持政策生成模拟申请（CSV），用于性能测试 / Generate a claims CSV for benchmarks.'
            'help:Show subcommand help information.'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        rubrics|show|template|score|subsidy|audit|lint|generate|help)
            "_score-cli_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_score-cli_rubrics() {
    local -i ret=1
    local -ar ___format=('text' 'json' 'csv' 'markdown')
    local -ar arg_specs=(
        '(--format -f)'{--format,-f}'[输出格式 / output format\: text, json, csv, markdown]:format:{__score-cli_complete "${___format[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_score-cli_show() {
    local -i ret=1
    local -ar ___format=('text' 'json' 'csv' 'markdown')
    local -ar arg_specs=(
        ':rubric:'
        '(--format -f)'{--format,-f}'[输出格式 / output format\: text, json, csv, markdown]:format:{__score-cli_complete "${___format[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_score-cli_template() {
    local -i ret=1
    local -ar arg_specs=(
        ':rubric:'
        '(--output -o)'{--output,-o}'[写入文件（默认标准输出）/ write to this file instead of standard output]:output:'
        '--csv[扶持政策：给出申请 CSV 的表头 / for a schedule, the claims CSV header instead of YAML]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_score-cli_score() {
    local -i ret=1
    local -ar ___format=('text' 'json' 'csv' 'markdown' 'html' 'xlsx')
    local -ar ___ties=('higher' 'lower' 'undecided')
    local -ar arg_specs=(
        '*:files:'
        '(--format -f)'{--format,-f}'[输出格式 / output format\: text, json, csv, markdown, html, xlsx]:format:{__score-cli_complete "${___format[@]}"}'
        '(--rubric -r)'{--rubric,-r}'[评分表 id 或路径，代替文件中的 rubric 字段 / use this rubric instead of the one each file names]:rubric:'
        '(--output -o)'{--output,-o}'[写入文件（默认标准输出）/ write to this file instead of standard output]:output:'
        '--top[按名额评定等次：第一个等次及名额，如 优秀=10 / rate by quota\: the first rating and its places, e.g. 优秀=10]:top:'
        '*--next[下一个等次及名额，可重复，如 表扬=10 / the next rating and its places; repeatable]:next:'
        '--ties[并列跨越名额界线时：higher 均评较高等次（默认），lower 均不评较高等次，undecided 列为待定 / how a tie across a quota'\''s end is settled]:ties:{__score-cli_complete "${___ties[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_score-cli_subsidy() {
    local -i ret=1
    local -ar ___format=('text' 'json' 'csv' 'markdown' 'html' 'xlsx')
    local -ar arg_specs=(
        ':claims:'
        '(--schedule -s)'{--schedule,-s}'[扶持政策 id 或文件路径 / schedule id or path]:schedule:'
        '(--ledger -l)'{--ledger,-l}'[既往给予记录（CSV：claim_id,applicant,date,measure,amount\[,matter\]）/ prior awards]:ledger:'
        '(--format -f)'{--format,-f}'[输出格式 / output format\: text, json, csv, markdown, html, xlsx]:format:{__score-cli_complete "${___format[@]}"}'
        '(--output -o)'{--output,-o}'[写入文件（默认标准输出）/ write to this file instead of standard output]:output:'
        '--workers[并行线程数（默认为处理器数；结果与线程数无关）/ threads (default\: processors; results do not depend on it)]:workers:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_score-cli_audit() {
    local -i ret=1
    local -ar ___format=('text' 'json' 'csv' 'markdown' 'html' 'xlsx')
    local -ar arg_specs=(
        '*:files:'
        '(--schedule -s)'{--schedule,-s}'[扶持政策 id 或路径：核实申请 / schedule, to audit claims]:schedule:'
        '(--ledger -l)'{--ledger,-l}'[既往给予记录 / prior awards (with --schedule)]:ledger:'
        '(--format -f)'{--format,-f}'[输出格式 / output format\: text, json, csv, markdown, html, xlsx]:format:{__score-cli_complete "${___format[@]}"}'
        '(--output -o)'{--output,-o}'[写入文件（默认标准输出）/ write to this file instead of standard output]:output:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_score-cli_lint() {
    local -i ret=1
    local -ar arg_specs=(
        '*:rubrics:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_score-cli_generate() {
    local -i ret=1
    local -ar arg_specs=(
        '(--schedule -s)'{--schedule,-s}'[扶持政策 id 或文件路径 / schedule id or path]:schedule:'
        '(--count -c)'{--count,-c}'[申请条数 / number of claims]:count:'
        '--seed[随机种子（默认 1）/ seed]:seed:'
        '--applicants[申请单位数（默认 条数/8，1 到 100000 之间）/ number of applicants (default count/8, at most 100000)]:applicants:'
        '--invalid-per-mille[每千行中有错的行数（0–1000，默认 1）/ planted bad rows per thousand]:invalid-per-mille:'
        '(--output -o)'{--output,-o}'[写入文件（默认标准输出）/ write to this file instead of standard output]:output:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_score-cli_help() {
    local -i ret=1
    local -ar arg_specs=(
        '*:subcommands:'
        '--version[Show the version.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

if [[ "${funcstack[1]}" = _score-cli ]]; then
    _score-cli "${@}"
else
    compdef _score-cli score-cli
fi
