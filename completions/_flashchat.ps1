
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'flashchat' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'flashchat'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'flashchat' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from FILE instead of the user config file')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on the terminal')
            [CompletionResult]::new('--chat-template', '--chat-template', [CompletionResultType]::ParameterName, 'A Jinja chat template file to use instead of the model''s own (config: chat_template)')
            [CompletionResult]::new('--cache-type-k', '--cache-type-k', [CompletionResultType]::ParameterName, 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)')
            [CompletionResult]::new('--cache-type-v', '--cache-type-v', [CompletionResultType]::ParameterName, 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)')
            [CompletionResult]::new('--flash-attention', '--flash-attention', [CompletionResultType]::ParameterName, 'Flash attention: auto, on or off (config: flash_attention)')
            [CompletionResult]::new('--gpu-layers', '--gpu-layers', [CompletionResultType]::ParameterName, 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)')
            [CompletionResult]::new('--main-gpu', '--main-gpu', [CompletionResultType]::ParameterName, 'The GPU holding the model, or the results when split (config: main_gpu)')
            [CompletionResult]::new('--split-mode', '--split-mode', [CompletionResultType]::ParameterName, 'How several GPUs share a model: none, layer or row (config: split_mode)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--swa-full', '--swa-full', [CompletionResultType]::ParameterName, 'Keep a full-length cache for sliding-window layers (config: swa_full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('chat', 'chat', [CompletionResultType]::ParameterValue, 'Chat with the model in the terminal; every turn is saved as a session')
            [CompletionResult]::new('tui', 'tui', [CompletionResultType]::ParameterValue, 'Full-screen workspace: the chat, sessions, models, live metrics and the server''s log in panes')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Run the OpenAI-compatible HTTP server as a background daemon')
            [CompletionResult]::new('prompt', 'prompt', [CompletionResultType]::ParameterValue, 'Answer one prompt on stdout (text piped on stdin is added as context)')
            [CompletionResult]::new('batch', 'batch', [CompletionResultType]::ParameterValue, 'Answer every prompt of a JSONL or CSV file through the server''s slots; reruns go on where one stopped')
            [CompletionResult]::new('compare', 'compare', [CompletionResultType]::ParameterValue, 'Ask several models the same question and show their answers side by side, with their speed')
            [CompletionResult]::new('embed', 'embed', [CompletionResultType]::ParameterValue, 'Embed texts (arguments, or stdin lines) as vectors on stdout')
            [CompletionResult]::new('ps', 'ps', [CompletionResultType]::ParameterValue, 'Show the running server''s loaded models: state, slots, queue, idle time, size')
            [CompletionResult]::new('cache', 'cache', [CompletionResultType]::ParameterValue, 'Show or empty the saved conversation KV states (the cache folder''s kv/)')
            [CompletionResult]::new('mcp', 'mcp', [CompletionResultType]::ParameterValue, 'List, add and remove MCP servers (Model Context Protocol) and see their tools')
            [CompletionResult]::new('templates', 'templates', [CompletionResultType]::ParameterValue, 'List, show, write and edit prompt templates (for `prompt -t NAME`)')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show or change the configuration')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show paths, the resolved model, settings, CPU features and server state')
            [CompletionResult]::new('sessions', 'sessions', [CompletionResultType]::ParameterValue, 'List, show, search, export, rename and delete saved chat sessions')
            [CompletionResult]::new('models', 'models', [CompletionResultType]::ParameterValue, 'List, download, inspect and choose GGUF models')
            [CompletionResult]::new('benchmark', 'benchmark', [CompletionResultType]::ParameterValue, 'Measure expert and whole-model speed (run, verify, bench, moe, moebench, full, fullbench)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'flashchat;chat' {
            [CompletionResult]::new('--resume', '--resume', [CompletionResultType]::ParameterName, 'Continue a saved session: its id, its number in `flashchat sessions`, or `last`')
            [CompletionResult]::new('--persona', '--persona', [CompletionResultType]::ParameterName, 'Start with a persona''s system prompt and settings')
            [CompletionResult]::new('--mcp', '--mcp', [CompletionResultType]::ParameterName, 'Offer only this MCP server''s tools (repeatable)')
            [CompletionResult]::new('--tool-choice', '--tool-choice', [CompletionResultType]::ParameterName, 'Tool use at the first step of each turn: auto, required, none, or a tool''s name (config: agent.tool_choice)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from FILE instead of the user config file')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on the terminal')
            [CompletionResult]::new('--chat-template', '--chat-template', [CompletionResultType]::ParameterName, 'A Jinja chat template file to use instead of the model''s own (config: chat_template)')
            [CompletionResult]::new('--cache-type-k', '--cache-type-k', [CompletionResultType]::ParameterName, 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)')
            [CompletionResult]::new('--cache-type-v', '--cache-type-v', [CompletionResultType]::ParameterName, 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)')
            [CompletionResult]::new('--flash-attention', '--flash-attention', [CompletionResultType]::ParameterName, 'Flash attention: auto, on or off (config: flash_attention)')
            [CompletionResult]::new('--gpu-layers', '--gpu-layers', [CompletionResultType]::ParameterName, 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)')
            [CompletionResult]::new('--main-gpu', '--main-gpu', [CompletionResultType]::ParameterName, 'The GPU holding the model, or the results when split (config: main_gpu)')
            [CompletionResult]::new('--split-mode', '--split-mode', [CompletionResultType]::ParameterName, 'How several GPUs share a model: none, layer or row (config: split_mode)')
            [CompletionResult]::new('--no-tools', '--no-tools', [CompletionResultType]::ParameterName, 'Offer the model no MCP tools in this chat')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--swa-full', '--swa-full', [CompletionResultType]::ParameterName, 'Keep a full-length cache for sliding-window layers (config: swa_full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'flashchat;tui' {
            [CompletionResult]::new('--resume', '--resume', [CompletionResultType]::ParameterName, 'Continue a saved session: its id, its number in `flashchat sessions`, or `last`')
            [CompletionResult]::new('--persona', '--persona', [CompletionResultType]::ParameterName, 'Start with a persona''s system prompt and settings')
            [CompletionResult]::new('--mcp', '--mcp', [CompletionResultType]::ParameterName, 'Offer only this MCP server''s tools (repeatable)')
            [CompletionResult]::new('--tool-choice', '--tool-choice', [CompletionResultType]::ParameterName, 'Tool use at the first step of each turn: auto, required, none, or a tool''s name (config: agent.tool_choice)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from FILE instead of the user config file')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on the terminal')
            [CompletionResult]::new('--chat-template', '--chat-template', [CompletionResultType]::ParameterName, 'A Jinja chat template file to use instead of the model''s own (config: chat_template)')
            [CompletionResult]::new('--cache-type-k', '--cache-type-k', [CompletionResultType]::ParameterName, 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)')
            [CompletionResult]::new('--cache-type-v', '--cache-type-v', [CompletionResultType]::ParameterName, 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)')
            [CompletionResult]::new('--flash-attention', '--flash-attention', [CompletionResultType]::ParameterName, 'Flash attention: auto, on or off (config: flash_attention)')
            [CompletionResult]::new('--gpu-layers', '--gpu-layers', [CompletionResultType]::ParameterName, 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)')
            [CompletionResult]::new('--main-gpu', '--main-gpu', [CompletionResultType]::ParameterName, 'The GPU holding the model, or the results when split (config: main_gpu)')
            [CompletionResult]::new('--split-mode', '--split-mode', [CompletionResultType]::ParameterName, 'How several GPUs share a model: none, layer or row (config: split_mode)')
            [CompletionResult]::new('--no-tools', '--no-tools', [CompletionResultType]::ParameterName, 'Offer the model no MCP tools in this chat')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--swa-full', '--swa-full', [CompletionResultType]::ParameterName, 'Keep a full-length cache for sliding-window layers (config: swa_full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'flashchat;serve' {
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Port to listen on (default from config: server.port)')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Address to bind (default from config: server.host)')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'Number of requests decoded in parallel (default from config: server.parallel)')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'Require this key as `Authorization: Bearer KEY` (default from config: server.api_key)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from FILE instead of the user config file')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on the terminal')
            [CompletionResult]::new('--chat-template', '--chat-template', [CompletionResultType]::ParameterName, 'A Jinja chat template file to use instead of the model''s own (config: chat_template)')
            [CompletionResult]::new('--cache-type-k', '--cache-type-k', [CompletionResultType]::ParameterName, 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)')
            [CompletionResult]::new('--cache-type-v', '--cache-type-v', [CompletionResultType]::ParameterName, 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)')
            [CompletionResult]::new('--flash-attention', '--flash-attention', [CompletionResultType]::ParameterName, 'Flash attention: auto, on or off (config: flash_attention)')
            [CompletionResult]::new('--gpu-layers', '--gpu-layers', [CompletionResultType]::ParameterName, 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)')
            [CompletionResult]::new('--main-gpu', '--main-gpu', [CompletionResultType]::ParameterName, 'The GPU holding the model, or the results when split (config: main_gpu)')
            [CompletionResult]::new('--split-mode', '--split-mode', [CompletionResultType]::ParameterName, 'How several GPUs share a model: none, layer or row (config: split_mode)')
            [CompletionResult]::new('--stop', '--stop', [CompletionResultType]::ParameterName, 'Stop the running server (SIGTERM, then wait up to 10 s)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'With --stop: SIGKILL the server if it has not exited after 10 s')
            [CompletionResult]::new('--foreground', '--foreground', [CompletionResultType]::ParameterName, 'Run attached to the terminal instead of as a daemon (systemd, containers)')
            [CompletionResult]::new('--allow-unauthenticated', '--allow-unauthenticated', [CompletionResultType]::ParameterName, 'Allow listening on a non-loopback address without an API key')
            [CompletionResult]::new('--logs', '--logs', [CompletionResultType]::ParameterName, 'Print the server log')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'With --logs: keep printing new lines as they are written')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'With --logs: keep printing new lines as they are written')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--swa-full', '--swa-full', [CompletionResultType]::ParameterName, 'Keep a full-length cache for sliding-window layers (config: swa_full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'flashchat;prompt' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Maximum number of tokens to generate (config: max_tokens)')
            [CompletionResult]::new('--tokens', '--tokens', [CompletionResultType]::ParameterName, 'Maximum number of tokens to generate (config: max_tokens)')
            [CompletionResult]::new('--temperature', '--temperature', [CompletionResultType]::ParameterName, 'Sampling temperature; 0 picks the most likely token every time (config: temperature)')
            [CompletionResult]::new('--top-p', '--top-p', [CompletionResultType]::ParameterName, 'Nucleus sampling: keep the smallest set of tokens whose probability reaches P (config: top_p)')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Random seed: the same seed, prompt and settings give the same text (config: seed)')
            [CompletionResult]::new('--system', '--system', [CompletionResultType]::ParameterName, 'System prompt (config: system_prompt)')
            [CompletionResult]::new('--stop', '--stop', [CompletionResultType]::ParameterName, 'Stop when the model writes STRING (repeatable); the string itself is not printed')
            [CompletionResult]::new('--persona', '--persona', [CompletionResultType]::ParameterName, 'Answer as a persona: its system prompt and settings (`flashchat chat` lists them with /persona)')
            [CompletionResult]::new('--schema', '--schema', [CompletionResultType]::ParameterName, 'Answer with JSON that validates against this JSON schema: a file, or the schema itself')
            [CompletionResult]::new('--grammar', '--grammar', [CompletionResultType]::ParameterName, 'Answer following this GBNF grammar file (llama.cpp''s grammar format, start rule `root`)')
            [CompletionResult]::new('--mcp', '--mcp', [CompletionResultType]::ParameterName, 'With tools: only this MCP server''s (repeatable; implies --tools)')
            [CompletionResult]::new('--tool-choice', '--tool-choice', [CompletionResultType]::ParameterName, 'Tool use at the first step: auto, required, none, or a tool''s name (config: agent.tool_choice)')
            [CompletionResult]::new('--max-steps', '--max-steps', [CompletionResultType]::ParameterName, 'Most answers with tool calls before the loop stops (config: agent.max_steps)')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Fill the prompt template NAME (`flashchat templates`); stdin is its `input`')
            [CompletionResult]::new('--template', '--template', [CompletionResultType]::ParameterName, 'Fill the prompt template NAME (`flashchat templates`); stdin is its `input`')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'A template variable''s value (repeatable): -p NAME VALUE')
            [CompletionResult]::new('--var', '--var', [CompletionResultType]::ParameterName, 'A template variable''s value (repeatable): -p NAME VALUE')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from FILE instead of the user config file')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on the terminal')
            [CompletionResult]::new('--chat-template', '--chat-template', [CompletionResultType]::ParameterName, 'A Jinja chat template file to use instead of the model''s own (config: chat_template)')
            [CompletionResult]::new('--cache-type-k', '--cache-type-k', [CompletionResultType]::ParameterName, 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)')
            [CompletionResult]::new('--cache-type-v', '--cache-type-v', [CompletionResultType]::ParameterName, 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)')
            [CompletionResult]::new('--flash-attention', '--flash-attention', [CompletionResultType]::ParameterName, 'Flash attention: auto, on or off (config: flash_attention)')
            [CompletionResult]::new('--gpu-layers', '--gpu-layers', [CompletionResultType]::ParameterName, 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)')
            [CompletionResult]::new('--main-gpu', '--main-gpu', [CompletionResultType]::ParameterName, 'The GPU holding the model, or the results when split (config: main_gpu)')
            [CompletionResult]::new('--split-mode', '--split-mode', [CompletionResultType]::ParameterName, 'How several GPUs share a model: none, layer or row (config: split_mode)')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Send the text to the model as is, without the model''s chat template or system prompt')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, 'Print token counts and timings to stderr after the answer')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Load the model in this process even when a server is running (config: use_server)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON object (text, finish reason, usage, timings) instead of streaming text')
            [CompletionResult]::new('--tools', '--tools', [CompletionResultType]::ParameterName, 'Let the model call the tools of the enabled MCP servers (`flashchat mcp list`); calls and results go to stderr')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Run tool calls that need confirmation without asking (otherwise they are refused)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--swa-full', '--swa-full', [CompletionResultType]::ParameterName, 'Keep a full-length cache for sliding-window layers (config: swa_full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'flashchat;batch' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the results here (.csv for CSV, JSON Lines otherwise) and go on from what it holds; without it they go to stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the results here (.csv for CSV, JSON Lines otherwise) and go on from what it holds; without it they go to stdout')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Fill the prompt template NAME with each record''s fields (`flashchat templates`)')
            [CompletionResult]::new('--template', '--template', [CompletionResultType]::ParameterName, 'Fill the prompt template NAME with each record''s fields (`flashchat templates`)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'A template variable shared by every record (repeatable): -p NAME VALUE')
            [CompletionResult]::new('--var', '--var', [CompletionResultType]::ParameterName, 'A template variable shared by every record (repeatable): -p NAME VALUE')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'Requests at a time; a server started for the batch gets this many slots (config: server.parallel)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Maximum number of tokens to generate (config: max_tokens)')
            [CompletionResult]::new('--tokens', '--tokens', [CompletionResultType]::ParameterName, 'Maximum number of tokens to generate (config: max_tokens)')
            [CompletionResult]::new('--temperature', '--temperature', [CompletionResultType]::ParameterName, 'Sampling temperature; 0 picks the most likely token every time (config: temperature)')
            [CompletionResult]::new('--top-p', '--top-p', [CompletionResultType]::ParameterName, 'Nucleus sampling: keep the smallest set of tokens whose probability reaches P (config: top_p)')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Random seed: the same seed, prompt and settings give the same text (config: seed)')
            [CompletionResult]::new('--system', '--system', [CompletionResultType]::ParameterName, 'System prompt (config: system_prompt)')
            [CompletionResult]::new('--schema', '--schema', [CompletionResultType]::ParameterName, 'Every answer is JSON that validates against this schema: a file, or the schema itself')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from FILE instead of the user config file')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on the terminal')
            [CompletionResult]::new('--chat-template', '--chat-template', [CompletionResultType]::ParameterName, 'A Jinja chat template file to use instead of the model''s own (config: chat_template)')
            [CompletionResult]::new('--cache-type-k', '--cache-type-k', [CompletionResultType]::ParameterName, 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)')
            [CompletionResult]::new('--cache-type-v', '--cache-type-v', [CompletionResultType]::ParameterName, 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)')
            [CompletionResult]::new('--flash-attention', '--flash-attention', [CompletionResultType]::ParameterName, 'Flash attention: auto, on or off (config: flash_attention)')
            [CompletionResult]::new('--gpu-layers', '--gpu-layers', [CompletionResultType]::ParameterName, 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)')
            [CompletionResult]::new('--main-gpu', '--main-gpu', [CompletionResultType]::ParameterName, 'The GPU holding the model, or the results when split (config: main_gpu)')
            [CompletionResult]::new('--split-mode', '--split-mode', [CompletionResultType]::ParameterName, 'How several GPUs share a model: none, layer or row (config: split_mode)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Check the input and print the first request that would be sent, sending nothing')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--swa-full', '--swa-full', [CompletionResultType]::ParameterName, 'Keep a full-length cache for sliding-window layers (config: swa_full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'flashchat;compare' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'A model to ask (repeat for each, at least two): a name from `flashchat models`, an alias or a spec')
            [CompletionResult]::new('--with', '--with', [CompletionResultType]::ParameterName, 'A model to ask (repeat for each, at least two): a name from `flashchat models`, an alias or a spec')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Maximum number of tokens to generate (config: max_tokens)')
            [CompletionResult]::new('--tokens', '--tokens', [CompletionResultType]::ParameterName, 'Maximum number of tokens to generate (config: max_tokens)')
            [CompletionResult]::new('--temperature', '--temperature', [CompletionResultType]::ParameterName, 'Sampling temperature; 0 picks the most likely token every time (config: temperature)')
            [CompletionResult]::new('--top-p', '--top-p', [CompletionResultType]::ParameterName, 'Nucleus sampling: keep the smallest set of tokens whose probability reaches P (config: top_p)')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Random seed: the same seed, prompt and settings give the same text (config: seed)')
            [CompletionResult]::new('--system', '--system', [CompletionResultType]::ParameterName, 'System prompt (config: system_prompt)')
            [CompletionResult]::new('--save', '--save', [CompletionResultType]::ParameterName, 'Also write the comparison to FILE as a Markdown table')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from FILE instead of the user config file')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on the terminal')
            [CompletionResult]::new('--chat-template', '--chat-template', [CompletionResultType]::ParameterName, 'A Jinja chat template file to use instead of the model''s own (config: chat_template)')
            [CompletionResult]::new('--cache-type-k', '--cache-type-k', [CompletionResultType]::ParameterName, 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)')
            [CompletionResult]::new('--cache-type-v', '--cache-type-v', [CompletionResultType]::ParameterName, 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)')
            [CompletionResult]::new('--flash-attention', '--flash-attention', [CompletionResultType]::ParameterName, 'Flash attention: auto, on or off (config: flash_attention)')
            [CompletionResult]::new('--gpu-layers', '--gpu-layers', [CompletionResultType]::ParameterName, 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)')
            [CompletionResult]::new('--main-gpu', '--main-gpu', [CompletionResultType]::ParameterName, 'The GPU holding the model, or the results when split (config: main_gpu)')
            [CompletionResult]::new('--split-mode', '--split-mode', [CompletionResultType]::ParameterName, 'How several GPUs share a model: none, layer or row (config: split_mode)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON object (the prompt, and each model''s answer, usage and timings)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--swa-full', '--swa-full', [CompletionResultType]::ParameterName, 'Keep a full-length cache for sliding-window layers (config: swa_full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'flashchat;embed' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from FILE instead of the user config file')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on the terminal')
            [CompletionResult]::new('--chat-template', '--chat-template', [CompletionResultType]::ParameterName, 'A Jinja chat template file to use instead of the model''s own (config: chat_template)')
            [CompletionResult]::new('--cache-type-k', '--cache-type-k', [CompletionResultType]::ParameterName, 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)')
            [CompletionResult]::new('--cache-type-v', '--cache-type-v', [CompletionResultType]::ParameterName, 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)')
            [CompletionResult]::new('--flash-attention', '--flash-attention', [CompletionResultType]::ParameterName, 'Flash attention: auto, on or off (config: flash_attention)')
            [CompletionResult]::new('--gpu-layers', '--gpu-layers', [CompletionResultType]::ParameterName, 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)')
            [CompletionResult]::new('--main-gpu', '--main-gpu', [CompletionResultType]::ParameterName, 'The GPU holding the model, or the results when split (config: main_gpu)')
            [CompletionResult]::new('--split-mode', '--split-mode', [CompletionResultType]::ParameterName, 'How several GPUs share a model: none, layer or row (config: split_mode)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (the model, each text and its vector, the token count) instead of one vector per line')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--swa-full', '--swa-full', [CompletionResultType]::ParameterName, 'Keep a full-length cache for sliding-window layers (config: swa_full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'flashchat;ps' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from FILE instead of the user config file')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on the terminal')
            [CompletionResult]::new('--chat-template', '--chat-template', [CompletionResultType]::ParameterName, 'A Jinja chat template file to use instead of the model''s own (config: chat_template)')
            [CompletionResult]::new('--cache-type-k', '--cache-type-k', [CompletionResultType]::ParameterName, 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)')
            [CompletionResult]::new('--cache-type-v', '--cache-type-v', [CompletionResultType]::ParameterName, 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)')
            [CompletionResult]::new('--flash-attention', '--flash-attention', [CompletionResultType]::ParameterName, 'Flash attention: auto, on or off (config: flash_attention)')
            [CompletionResult]::new('--gpu-layers', '--gpu-layers', [CompletionResultType]::ParameterName, 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)')
            [CompletionResult]::new('--main-gpu', '--main-gpu', [CompletionResultType]::ParameterName, 'The GPU holding the model, or the results when split (config: main_gpu)')
            [CompletionResult]::new('--split-mode', '--split-mode', [CompletionResultType]::ParameterName, 'How several GPUs share a model: none, layer or row (config: split_mode)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--swa-full', '--swa-full', [CompletionResultType]::ParameterName, 'Keep a full-length cache for sliding-window layers (config: swa_full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'flashchat;cache' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from FILE instead of the user config file')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on the terminal')
            [CompletionResult]::new('--chat-template', '--chat-template', [CompletionResultType]::ParameterName, 'A Jinja chat template file to use instead of the model''s own (config: chat_template)')
            [CompletionResult]::new('--cache-type-k', '--cache-type-k', [CompletionResultType]::ParameterName, 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)')
            [CompletionResult]::new('--cache-type-v', '--cache-type-v', [CompletionResultType]::ParameterName, 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)')
            [CompletionResult]::new('--flash-attention', '--flash-attention', [CompletionResultType]::ParameterName, 'Flash attention: auto, on or off (config: flash_attention)')
            [CompletionResult]::new('--gpu-layers', '--gpu-layers', [CompletionResultType]::ParameterName, 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)')
            [CompletionResult]::new('--main-gpu', '--main-gpu', [CompletionResultType]::ParameterName, 'The GPU holding the model, or the results when split (config: main_gpu)')
            [CompletionResult]::new('--split-mode', '--split-mode', [CompletionResultType]::ParameterName, 'How several GPUs share a model: none, layer or row (config: split_mode)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--swa-full', '--swa-full', [CompletionResultType]::ParameterName, 'Keep a full-length cache for sliding-window layers (config: swa_full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The folder, its size and bound, and each saved state (the default action)')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Remove every saved state')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'flashchat;cache;list' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from FILE instead of the user config file')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on the terminal')
            [CompletionResult]::new('--chat-template', '--chat-template', [CompletionResultType]::ParameterName, 'A Jinja chat template file to use instead of the model''s own (config: chat_template)')
            [CompletionResult]::new('--cache-type-k', '--cache-type-k', [CompletionResultType]::ParameterName, 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)')
            [CompletionResult]::new('--cache-type-v', '--cache-type-v', [CompletionResultType]::ParameterName, 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)')
            [CompletionResult]::new('--flash-attention', '--flash-attention', [CompletionResultType]::ParameterName, 'Flash attention: auto, on or off (config: flash_attention)')
            [CompletionResult]::new('--gpu-layers', '--gpu-layers', [CompletionResultType]::ParameterName, 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)')
            [CompletionResult]::new('--main-gpu', '--main-gpu', [CompletionResultType]::ParameterName, 'The GPU holding the model, or the results when split (config: main_gpu)')
            [CompletionResult]::new('--split-mode', '--split-mode', [CompletionResultType]::ParameterName, 'How several GPUs share a model: none, layer or row (config: split_mode)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--swa-full', '--swa-full', [CompletionResultType]::ParameterName, 'Keep a full-length cache for sliding-window layers (config: swa_full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'flashchat;cache;clear' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from FILE instead of the user config file')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on the terminal')
            [CompletionResult]::new('--chat-template', '--chat-template', [CompletionResultType]::ParameterName, 'A Jinja chat template file to use instead of the model''s own (config: chat_template)')
            [CompletionResult]::new('--cache-type-k', '--cache-type-k', [CompletionResultType]::ParameterName, 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)')
            [CompletionResult]::new('--cache-type-v', '--cache-type-v', [CompletionResultType]::ParameterName, 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)')
            [CompletionResult]::new('--flash-attention', '--flash-attention', [CompletionResultType]::ParameterName, 'Flash attention: auto, on or off (config: flash_attention)')
            [CompletionResult]::new('--gpu-layers', '--gpu-layers', [CompletionResultType]::ParameterName, 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)')
            [CompletionResult]::new('--main-gpu', '--main-gpu', [CompletionResultType]::ParameterName, 'The GPU holding the model, or the results when split (config: main_gpu)')
            [CompletionResult]::new('--split-mode', '--split-mode', [CompletionResultType]::ParameterName, 'How several GPUs share a model: none, layer or row (config: split_mode)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--swa-full', '--swa-full', [CompletionResultType]::ParameterName, 'Keep a full-length cache for sliding-window layers (config: swa_full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'flashchat;cache;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The folder, its size and bound, and each saved state (the default action)')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Remove every saved state')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'flashchat;cache;help;list' {
            break
        }
        'flashchat;cache;help;clear' {
            break
        }
        'flashchat;cache;help;help' {
            break
        }
        'flashchat;mcp' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from FILE instead of the user config file')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on the terminal')
            [CompletionResult]::new('--chat-template', '--chat-template', [CompletionResultType]::ParameterName, 'A Jinja chat template file to use instead of the model''s own (config: chat_template)')
            [CompletionResult]::new('--cache-type-k', '--cache-type-k', [CompletionResultType]::ParameterName, 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)')
            [CompletionResult]::new('--cache-type-v', '--cache-type-v', [CompletionResultType]::ParameterName, 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)')
            [CompletionResult]::new('--flash-attention', '--flash-attention', [CompletionResultType]::ParameterName, 'Flash attention: auto, on or off (config: flash_attention)')
            [CompletionResult]::new('--gpu-layers', '--gpu-layers', [CompletionResultType]::ParameterName, 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)')
            [CompletionResult]::new('--main-gpu', '--main-gpu', [CompletionResultType]::ParameterName, 'The GPU holding the model, or the results when split (config: main_gpu)')
            [CompletionResult]::new('--split-mode', '--split-mode', [CompletionResultType]::ParameterName, 'How several GPUs share a model: none, layer or row (config: split_mode)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--swa-full', '--swa-full', [CompletionResultType]::ParameterName, 'Keep a full-length cache for sliding-window layers (config: swa_full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Start each enabled server, list its tools and stop it (the default action)')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Declare a server in the config file: `mcp add NAME -- COMMAND...` or `--url URL`')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove a server from the config file')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'flashchat;mcp;list' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from FILE instead of the user config file')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on the terminal')
            [CompletionResult]::new('--chat-template', '--chat-template', [CompletionResultType]::ParameterName, 'A Jinja chat template file to use instead of the model''s own (config: chat_template)')
            [CompletionResult]::new('--cache-type-k', '--cache-type-k', [CompletionResultType]::ParameterName, 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)')
            [CompletionResult]::new('--cache-type-v', '--cache-type-v', [CompletionResultType]::ParameterName, 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)')
            [CompletionResult]::new('--flash-attention', '--flash-attention', [CompletionResultType]::ParameterName, 'Flash attention: auto, on or off (config: flash_attention)')
            [CompletionResult]::new('--gpu-layers', '--gpu-layers', [CompletionResultType]::ParameterName, 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)')
            [CompletionResult]::new('--main-gpu', '--main-gpu', [CompletionResultType]::ParameterName, 'The GPU holding the model, or the results when split (config: main_gpu)')
            [CompletionResult]::new('--split-mode', '--split-mode', [CompletionResultType]::ParameterName, 'How several GPUs share a model: none, layer or row (config: split_mode)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--swa-full', '--swa-full', [CompletionResultType]::ParameterName, 'Keep a full-length cache for sliding-window layers (config: swa_full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'flashchat;mcp;add' {
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'An environment variable for a command server (repeatable)')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'A streamable HTTP server''s URL, instead of a command')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'A header for a URL server; ${VAR} takes an environment variable (repeatable)')
            [CompletionResult]::new('--trust', '--trust', [CompletionResultType]::ParameterName, 'Tools that run without asking: always, or tool names separated by commas')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds that starting it, listing its tools or one call may take [default: 30]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from FILE instead of the user config file')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on the terminal')
            [CompletionResult]::new('--chat-template', '--chat-template', [CompletionResultType]::ParameterName, 'A Jinja chat template file to use instead of the model''s own (config: chat_template)')
            [CompletionResult]::new('--cache-type-k', '--cache-type-k', [CompletionResultType]::ParameterName, 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)')
            [CompletionResult]::new('--cache-type-v', '--cache-type-v', [CompletionResultType]::ParameterName, 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)')
            [CompletionResult]::new('--flash-attention', '--flash-attention', [CompletionResultType]::ParameterName, 'Flash attention: auto, on or off (config: flash_attention)')
            [CompletionResult]::new('--gpu-layers', '--gpu-layers', [CompletionResultType]::ParameterName, 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)')
            [CompletionResult]::new('--main-gpu', '--main-gpu', [CompletionResultType]::ParameterName, 'The GPU holding the model, or the results when split (config: main_gpu)')
            [CompletionResult]::new('--split-mode', '--split-mode', [CompletionResultType]::ParameterName, 'How several GPUs share a model: none, layer or row (config: split_mode)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--swa-full', '--swa-full', [CompletionResultType]::ParameterName, 'Keep a full-length cache for sliding-window layers (config: swa_full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'flashchat;mcp;rm' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from FILE instead of the user config file')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on the terminal')
            [CompletionResult]::new('--chat-template', '--chat-template', [CompletionResultType]::ParameterName, 'A Jinja chat template file to use instead of the model''s own (config: chat_template)')
            [CompletionResult]::new('--cache-type-k', '--cache-type-k', [CompletionResultType]::ParameterName, 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)')
            [CompletionResult]::new('--cache-type-v', '--cache-type-v', [CompletionResultType]::ParameterName, 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)')
            [CompletionResult]::new('--flash-attention', '--flash-attention', [CompletionResultType]::ParameterName, 'Flash attention: auto, on or off (config: flash_attention)')
            [CompletionResult]::new('--gpu-layers', '--gpu-layers', [CompletionResultType]::ParameterName, 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)')
            [CompletionResult]::new('--main-gpu', '--main-gpu', [CompletionResultType]::ParameterName, 'The GPU holding the model, or the results when split (config: main_gpu)')
            [CompletionResult]::new('--split-mode', '--split-mode', [CompletionResultType]::ParameterName, 'How several GPUs share a model: none, layer or row (config: split_mode)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--swa-full', '--swa-full', [CompletionResultType]::ParameterName, 'Keep a full-length cache for sliding-window layers (config: swa_full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'flashchat;mcp;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Start each enabled server, list its tools and stop it (the default action)')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Declare a server in the config file: `mcp add NAME -- COMMAND...` or `--url URL`')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove a server from the config file')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'flashchat;mcp;help;list' {
            break
        }
        'flashchat;mcp;help;add' {
            break
        }
        'flashchat;mcp;help;rm' {
            break
        }
        'flashchat;mcp;help;help' {
            break
        }
        'flashchat;templates' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from FILE instead of the user config file')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on the terminal')
            [CompletionResult]::new('--chat-template', '--chat-template', [CompletionResultType]::ParameterName, 'A Jinja chat template file to use instead of the model''s own (config: chat_template)')
            [CompletionResult]::new('--cache-type-k', '--cache-type-k', [CompletionResultType]::ParameterName, 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)')
            [CompletionResult]::new('--cache-type-v', '--cache-type-v', [CompletionResultType]::ParameterName, 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)')
            [CompletionResult]::new('--flash-attention', '--flash-attention', [CompletionResultType]::ParameterName, 'Flash attention: auto, on or off (config: flash_attention)')
            [CompletionResult]::new('--gpu-layers', '--gpu-layers', [CompletionResultType]::ParameterName, 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)')
            [CompletionResult]::new('--main-gpu', '--main-gpu', [CompletionResultType]::ParameterName, 'The GPU holding the model, or the results when split (config: main_gpu)')
            [CompletionResult]::new('--split-mode', '--split-mode', [CompletionResultType]::ParameterName, 'How several GPUs share a model: none, layer or row (config: split_mode)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table or text')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--swa-full', '--swa-full', [CompletionResultType]::ParameterName, 'Keep a full-length cache for sliding-window layers (config: swa_full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Each template with its description and variables (the default action)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print a template''s file')
            [CompletionResult]::new('new', 'new', [CompletionResultType]::ParameterValue, 'Write a new template (an example, or the last prompt) and open it in $VISUAL or $EDITOR')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Open a template in $VISUAL or $EDITOR')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'flashchat;templates;list' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from FILE instead of the user config file')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on the terminal')
            [CompletionResult]::new('--chat-template', '--chat-template', [CompletionResultType]::ParameterName, 'A Jinja chat template file to use instead of the model''s own (config: chat_template)')
            [CompletionResult]::new('--cache-type-k', '--cache-type-k', [CompletionResultType]::ParameterName, 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)')
            [CompletionResult]::new('--cache-type-v', '--cache-type-v', [CompletionResultType]::ParameterName, 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)')
            [CompletionResult]::new('--flash-attention', '--flash-attention', [CompletionResultType]::ParameterName, 'Flash attention: auto, on or off (config: flash_attention)')
            [CompletionResult]::new('--gpu-layers', '--gpu-layers', [CompletionResultType]::ParameterName, 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)')
            [CompletionResult]::new('--main-gpu', '--main-gpu', [CompletionResultType]::ParameterName, 'The GPU holding the model, or the results when split (config: main_gpu)')
            [CompletionResult]::new('--split-mode', '--split-mode', [CompletionResultType]::ParameterName, 'How several GPUs share a model: none, layer or row (config: split_mode)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table or text')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--swa-full', '--swa-full', [CompletionResultType]::ParameterName, 'Keep a full-length cache for sliding-window layers (config: swa_full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'flashchat;templates;show' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from FILE instead of the user config file')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on the terminal')
            [CompletionResult]::new('--chat-template', '--chat-template', [CompletionResultType]::ParameterName, 'A Jinja chat template file to use instead of the model''s own (config: chat_template)')
            [CompletionResult]::new('--cache-type-k', '--cache-type-k', [CompletionResultType]::ParameterName, 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)')
            [CompletionResult]::new('--cache-type-v', '--cache-type-v', [CompletionResultType]::ParameterName, 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)')
            [CompletionResult]::new('--flash-attention', '--flash-attention', [CompletionResultType]::ParameterName, 'Flash attention: auto, on or off (config: flash_attention)')
            [CompletionResult]::new('--gpu-layers', '--gpu-layers', [CompletionResultType]::ParameterName, 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)')
            [CompletionResult]::new('--main-gpu', '--main-gpu', [CompletionResultType]::ParameterName, 'The GPU holding the model, or the results when split (config: main_gpu)')
            [CompletionResult]::new('--split-mode', '--split-mode', [CompletionResultType]::ParameterName, 'How several GPUs share a model: none, layer or row (config: split_mode)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table or text')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--swa-full', '--swa-full', [CompletionResultType]::ParameterName, 'Keep a full-length cache for sliding-window layers (config: swa_full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'flashchat;templates;new' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from FILE instead of the user config file')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on the terminal')
            [CompletionResult]::new('--chat-template', '--chat-template', [CompletionResultType]::ParameterName, 'A Jinja chat template file to use instead of the model''s own (config: chat_template)')
            [CompletionResult]::new('--cache-type-k', '--cache-type-k', [CompletionResultType]::ParameterName, 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)')
            [CompletionResult]::new('--cache-type-v', '--cache-type-v', [CompletionResultType]::ParameterName, 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)')
            [CompletionResult]::new('--flash-attention', '--flash-attention', [CompletionResultType]::ParameterName, 'Flash attention: auto, on or off (config: flash_attention)')
            [CompletionResult]::new('--gpu-layers', '--gpu-layers', [CompletionResultType]::ParameterName, 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)')
            [CompletionResult]::new('--main-gpu', '--main-gpu', [CompletionResultType]::ParameterName, 'The GPU holding the model, or the results when split (config: main_gpu)')
            [CompletionResult]::new('--split-mode', '--split-mode', [CompletionResultType]::ParameterName, 'How several GPUs share a model: none, layer or row (config: split_mode)')
            [CompletionResult]::new('--from-last', '--from-last', [CompletionResultType]::ParameterName, 'Start from the last prompt `flashchat prompt` answered')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace a template of that name')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table or text')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--swa-full', '--swa-full', [CompletionResultType]::ParameterName, 'Keep a full-length cache for sliding-window layers (config: swa_full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'flashchat;templates;edit' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from FILE instead of the user config file')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on the terminal')
            [CompletionResult]::new('--chat-template', '--chat-template', [CompletionResultType]::ParameterName, 'A Jinja chat template file to use instead of the model''s own (config: chat_template)')
            [CompletionResult]::new('--cache-type-k', '--cache-type-k', [CompletionResultType]::ParameterName, 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)')
            [CompletionResult]::new('--cache-type-v', '--cache-type-v', [CompletionResultType]::ParameterName, 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)')
            [CompletionResult]::new('--flash-attention', '--flash-attention', [CompletionResultType]::ParameterName, 'Flash attention: auto, on or off (config: flash_attention)')
            [CompletionResult]::new('--gpu-layers', '--gpu-layers', [CompletionResultType]::ParameterName, 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)')
            [CompletionResult]::new('--main-gpu', '--main-gpu', [CompletionResultType]::ParameterName, 'The GPU holding the model, or the results when split (config: main_gpu)')
            [CompletionResult]::new('--split-mode', '--split-mode', [CompletionResultType]::ParameterName, 'How several GPUs share a model: none, layer or row (config: split_mode)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table or text')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--swa-full', '--swa-full', [CompletionResultType]::ParameterName, 'Keep a full-length cache for sliding-window layers (config: swa_full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'flashchat;templates;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Each template with its description and variables (the default action)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print a template''s file')
            [CompletionResult]::new('new', 'new', [CompletionResultType]::ParameterValue, 'Write a new template (an example, or the last prompt) and open it in $VISUAL or $EDITOR')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Open a template in $VISUAL or $EDITOR')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'flashchat;templates;help;list' {
            break
        }
        'flashchat;templates;help;show' {
            break
        }
        'flashchat;templates;help;new' {
            break
        }
        'flashchat;templates;help;edit' {
            break
        }
        'flashchat;templates;help;help' {
            break
        }
        'flashchat;config' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from FILE instead of the user config file')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on the terminal')
            [CompletionResult]::new('--chat-template', '--chat-template', [CompletionResultType]::ParameterName, 'A Jinja chat template file to use instead of the model''s own (config: chat_template)')
            [CompletionResult]::new('--cache-type-k', '--cache-type-k', [CompletionResultType]::ParameterName, 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)')
            [CompletionResult]::new('--cache-type-v', '--cache-type-v', [CompletionResultType]::ParameterName, 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)')
            [CompletionResult]::new('--flash-attention', '--flash-attention', [CompletionResultType]::ParameterName, 'Flash attention: auto, on or off (config: flash_attention)')
            [CompletionResult]::new('--gpu-layers', '--gpu-layers', [CompletionResultType]::ParameterName, 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)')
            [CompletionResult]::new('--main-gpu', '--main-gpu', [CompletionResultType]::ParameterName, 'The GPU holding the model, or the results when split (config: main_gpu)')
            [CompletionResult]::new('--split-mode', '--split-mode', [CompletionResultType]::ParameterName, 'How several GPUs share a model: none, layer or row (config: split_mode)')
            [CompletionResult]::new('--reset', '--reset', [CompletionResultType]::ParameterName, 'Run the setup wizard again (sessions are kept)')
            [CompletionResult]::new('--full-reset', '--full-reset', [CompletionResultType]::ParameterName, 'Delete config, sessions, history, personas and logs (never model files)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'With --full-reset: do not ask for confirmation')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--swa-full', '--swa-full', [CompletionResultType]::ParameterName, 'Keep a full-length cache for sliding-window layers (config: swa_full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print the effective settings (the default action)')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the path of the config file in use')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'flashchat;config;show' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The settings as `prompt -t NAME` would run with them')
            [CompletionResult]::new('--template', '--template', [CompletionResultType]::ParameterName, 'The settings as `prompt -t NAME` would run with them')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from FILE instead of the user config file')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on the terminal')
            [CompletionResult]::new('--chat-template', '--chat-template', [CompletionResultType]::ParameterName, 'A Jinja chat template file to use instead of the model''s own (config: chat_template)')
            [CompletionResult]::new('--cache-type-k', '--cache-type-k', [CompletionResultType]::ParameterName, 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)')
            [CompletionResult]::new('--cache-type-v', '--cache-type-v', [CompletionResultType]::ParameterName, 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)')
            [CompletionResult]::new('--flash-attention', '--flash-attention', [CompletionResultType]::ParameterName, 'Flash attention: auto, on or off (config: flash_attention)')
            [CompletionResult]::new('--gpu-layers', '--gpu-layers', [CompletionResultType]::ParameterName, 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)')
            [CompletionResult]::new('--main-gpu', '--main-gpu', [CompletionResultType]::ParameterName, 'The GPU holding the model, or the results when split (config: main_gpu)')
            [CompletionResult]::new('--split-mode', '--split-mode', [CompletionResultType]::ParameterName, 'How several GPUs share a model: none, layer or row (config: split_mode)')
            [CompletionResult]::new('--origin', '--origin', [CompletionResultType]::ParameterName, 'Say where each value came from: cli, env, file or default')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON object')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--swa-full', '--swa-full', [CompletionResultType]::ParameterName, 'Keep a full-length cache for sliding-window layers (config: swa_full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'flashchat;config;path' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from FILE instead of the user config file')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on the terminal')
            [CompletionResult]::new('--chat-template', '--chat-template', [CompletionResultType]::ParameterName, 'A Jinja chat template file to use instead of the model''s own (config: chat_template)')
            [CompletionResult]::new('--cache-type-k', '--cache-type-k', [CompletionResultType]::ParameterName, 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)')
            [CompletionResult]::new('--cache-type-v', '--cache-type-v', [CompletionResultType]::ParameterName, 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)')
            [CompletionResult]::new('--flash-attention', '--flash-attention', [CompletionResultType]::ParameterName, 'Flash attention: auto, on or off (config: flash_attention)')
            [CompletionResult]::new('--gpu-layers', '--gpu-layers', [CompletionResultType]::ParameterName, 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)')
            [CompletionResult]::new('--main-gpu', '--main-gpu', [CompletionResultType]::ParameterName, 'The GPU holding the model, or the results when split (config: main_gpu)')
            [CompletionResult]::new('--split-mode', '--split-mode', [CompletionResultType]::ParameterName, 'How several GPUs share a model: none, layer or row (config: split_mode)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--swa-full', '--swa-full', [CompletionResultType]::ParameterName, 'Keep a full-length cache for sliding-window layers (config: swa_full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'flashchat;config;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print the effective settings (the default action)')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the path of the config file in use')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'flashchat;config;help;show' {
            break
        }
        'flashchat;config;help;path' {
            break
        }
        'flashchat;config;help;help' {
            break
        }
        'flashchat;status' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from FILE instead of the user config file')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on the terminal')
            [CompletionResult]::new('--chat-template', '--chat-template', [CompletionResultType]::ParameterName, 'A Jinja chat template file to use instead of the model''s own (config: chat_template)')
            [CompletionResult]::new('--cache-type-k', '--cache-type-k', [CompletionResultType]::ParameterName, 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)')
            [CompletionResult]::new('--cache-type-v', '--cache-type-v', [CompletionResultType]::ParameterName, 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)')
            [CompletionResult]::new('--flash-attention', '--flash-attention', [CompletionResultType]::ParameterName, 'Flash attention: auto, on or off (config: flash_attention)')
            [CompletionResult]::new('--gpu-layers', '--gpu-layers', [CompletionResultType]::ParameterName, 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)')
            [CompletionResult]::new('--main-gpu', '--main-gpu', [CompletionResultType]::ParameterName, 'The GPU holding the model, or the results when split (config: main_gpu)')
            [CompletionResult]::new('--split-mode', '--split-mode', [CompletionResultType]::ParameterName, 'How several GPUs share a model: none, layer or row (config: split_mode)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON object')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--swa-full', '--swa-full', [CompletionResultType]::ParameterName, 'Keep a full-length cache for sliding-window layers (config: swa_full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'flashchat;sessions' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from FILE instead of the user config file')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on the terminal')
            [CompletionResult]::new('--chat-template', '--chat-template', [CompletionResultType]::ParameterName, 'A Jinja chat template file to use instead of the model''s own (config: chat_template)')
            [CompletionResult]::new('--cache-type-k', '--cache-type-k', [CompletionResultType]::ParameterName, 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)')
            [CompletionResult]::new('--cache-type-v', '--cache-type-v', [CompletionResultType]::ParameterName, 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)')
            [CompletionResult]::new('--flash-attention', '--flash-attention', [CompletionResultType]::ParameterName, 'Flash attention: auto, on or off (config: flash_attention)')
            [CompletionResult]::new('--gpu-layers', '--gpu-layers', [CompletionResultType]::ParameterName, 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)')
            [CompletionResult]::new('--main-gpu', '--main-gpu', [CompletionResultType]::ParameterName, 'The GPU holding the model, or the results when split (config: main_gpu)')
            [CompletionResult]::new('--split-mode', '--split-mode', [CompletionResultType]::ParameterName, 'How several GPUs share a model: none, layer or row (config: split_mode)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table or text')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--swa-full', '--swa-full', [CompletionResultType]::ParameterName, 'Keep a full-length cache for sliding-window layers (config: swa_full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Table of sessions, newest first (the default action)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print one session')
            [CompletionResult]::new('search', 'search', [CompletionResultType]::ParameterValue, 'Full-text search across all sessions')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write a session as Markdown, JSON Lines or JSON')
            [CompletionResult]::new('rename', 'rename', [CompletionResultType]::ParameterValue, 'Give a session a new title')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete sessions')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'flashchat;sessions;list' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from FILE instead of the user config file')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on the terminal')
            [CompletionResult]::new('--chat-template', '--chat-template', [CompletionResultType]::ParameterName, 'A Jinja chat template file to use instead of the model''s own (config: chat_template)')
            [CompletionResult]::new('--cache-type-k', '--cache-type-k', [CompletionResultType]::ParameterName, 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)')
            [CompletionResult]::new('--cache-type-v', '--cache-type-v', [CompletionResultType]::ParameterName, 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)')
            [CompletionResult]::new('--flash-attention', '--flash-attention', [CompletionResultType]::ParameterName, 'Flash attention: auto, on or off (config: flash_attention)')
            [CompletionResult]::new('--gpu-layers', '--gpu-layers', [CompletionResultType]::ParameterName, 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)')
            [CompletionResult]::new('--main-gpu', '--main-gpu', [CompletionResultType]::ParameterName, 'The GPU holding the model, or the results when split (config: main_gpu)')
            [CompletionResult]::new('--split-mode', '--split-mode', [CompletionResultType]::ParameterName, 'How several GPUs share a model: none, layer or row (config: split_mode)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table or text')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--swa-full', '--swa-full', [CompletionResultType]::ParameterName, 'Keep a full-length cache for sliding-window layers (config: swa_full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'flashchat;sessions;show' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from FILE instead of the user config file')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on the terminal')
            [CompletionResult]::new('--chat-template', '--chat-template', [CompletionResultType]::ParameterName, 'A Jinja chat template file to use instead of the model''s own (config: chat_template)')
            [CompletionResult]::new('--cache-type-k', '--cache-type-k', [CompletionResultType]::ParameterName, 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)')
            [CompletionResult]::new('--cache-type-v', '--cache-type-v', [CompletionResultType]::ParameterName, 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)')
            [CompletionResult]::new('--flash-attention', '--flash-attention', [CompletionResultType]::ParameterName, 'Flash attention: auto, on or off (config: flash_attention)')
            [CompletionResult]::new('--gpu-layers', '--gpu-layers', [CompletionResultType]::ParameterName, 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)')
            [CompletionResult]::new('--main-gpu', '--main-gpu', [CompletionResultType]::ParameterName, 'The GPU holding the model, or the results when split (config: main_gpu)')
            [CompletionResult]::new('--split-mode', '--split-mode', [CompletionResultType]::ParameterName, 'How several GPUs share a model: none, layer or row (config: split_mode)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table or text')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--swa-full', '--swa-full', [CompletionResultType]::ParameterName, 'Keep a full-length cache for sliding-window layers (config: swa_full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'flashchat;sessions;search' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from FILE instead of the user config file')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on the terminal')
            [CompletionResult]::new('--chat-template', '--chat-template', [CompletionResultType]::ParameterName, 'A Jinja chat template file to use instead of the model''s own (config: chat_template)')
            [CompletionResult]::new('--cache-type-k', '--cache-type-k', [CompletionResultType]::ParameterName, 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)')
            [CompletionResult]::new('--cache-type-v', '--cache-type-v', [CompletionResultType]::ParameterName, 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)')
            [CompletionResult]::new('--flash-attention', '--flash-attention', [CompletionResultType]::ParameterName, 'Flash attention: auto, on or off (config: flash_attention)')
            [CompletionResult]::new('--gpu-layers', '--gpu-layers', [CompletionResultType]::ParameterName, 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)')
            [CompletionResult]::new('--main-gpu', '--main-gpu', [CompletionResultType]::ParameterName, 'The GPU holding the model, or the results when split (config: main_gpu)')
            [CompletionResult]::new('--split-mode', '--split-mode', [CompletionResultType]::ParameterName, 'How several GPUs share a model: none, layer or row (config: split_mode)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table or text')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--swa-full', '--swa-full', [CompletionResultType]::ParameterName, 'Keep a full-length cache for sliding-window layers (config: swa_full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'flashchat;sessions;export' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write to FILE instead of stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write to FILE instead of stdout')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from FILE instead of the user config file')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on the terminal')
            [CompletionResult]::new('--chat-template', '--chat-template', [CompletionResultType]::ParameterName, 'A Jinja chat template file to use instead of the model''s own (config: chat_template)')
            [CompletionResult]::new('--cache-type-k', '--cache-type-k', [CompletionResultType]::ParameterName, 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)')
            [CompletionResult]::new('--cache-type-v', '--cache-type-v', [CompletionResultType]::ParameterName, 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)')
            [CompletionResult]::new('--flash-attention', '--flash-attention', [CompletionResultType]::ParameterName, 'Flash attention: auto, on or off (config: flash_attention)')
            [CompletionResult]::new('--gpu-layers', '--gpu-layers', [CompletionResultType]::ParameterName, 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)')
            [CompletionResult]::new('--main-gpu', '--main-gpu', [CompletionResultType]::ParameterName, 'The GPU holding the model, or the results when split (config: main_gpu)')
            [CompletionResult]::new('--split-mode', '--split-mode', [CompletionResultType]::ParameterName, 'How several GPUs share a model: none, layer or row (config: split_mode)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table or text')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--swa-full', '--swa-full', [CompletionResultType]::ParameterName, 'Keep a full-length cache for sliding-window layers (config: swa_full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'flashchat;sessions;rename' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from FILE instead of the user config file')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on the terminal')
            [CompletionResult]::new('--chat-template', '--chat-template', [CompletionResultType]::ParameterName, 'A Jinja chat template file to use instead of the model''s own (config: chat_template)')
            [CompletionResult]::new('--cache-type-k', '--cache-type-k', [CompletionResultType]::ParameterName, 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)')
            [CompletionResult]::new('--cache-type-v', '--cache-type-v', [CompletionResultType]::ParameterName, 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)')
            [CompletionResult]::new('--flash-attention', '--flash-attention', [CompletionResultType]::ParameterName, 'Flash attention: auto, on or off (config: flash_attention)')
            [CompletionResult]::new('--gpu-layers', '--gpu-layers', [CompletionResultType]::ParameterName, 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)')
            [CompletionResult]::new('--main-gpu', '--main-gpu', [CompletionResultType]::ParameterName, 'The GPU holding the model, or the results when split (config: main_gpu)')
            [CompletionResult]::new('--split-mode', '--split-mode', [CompletionResultType]::ParameterName, 'How several GPUs share a model: none, layer or row (config: split_mode)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table or text')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--swa-full', '--swa-full', [CompletionResultType]::ParameterName, 'Keep a full-length cache for sliding-window layers (config: swa_full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'flashchat;sessions;delete' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from FILE instead of the user config file')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on the terminal')
            [CompletionResult]::new('--chat-template', '--chat-template', [CompletionResultType]::ParameterName, 'A Jinja chat template file to use instead of the model''s own (config: chat_template)')
            [CompletionResult]::new('--cache-type-k', '--cache-type-k', [CompletionResultType]::ParameterName, 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)')
            [CompletionResult]::new('--cache-type-v', '--cache-type-v', [CompletionResultType]::ParameterName, 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)')
            [CompletionResult]::new('--flash-attention', '--flash-attention', [CompletionResultType]::ParameterName, 'Flash attention: auto, on or off (config: flash_attention)')
            [CompletionResult]::new('--gpu-layers', '--gpu-layers', [CompletionResultType]::ParameterName, 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)')
            [CompletionResult]::new('--main-gpu', '--main-gpu', [CompletionResultType]::ParameterName, 'The GPU holding the model, or the results when split (config: main_gpu)')
            [CompletionResult]::new('--split-mode', '--split-mode', [CompletionResultType]::ParameterName, 'How several GPUs share a model: none, layer or row (config: split_mode)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table or text')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--swa-full', '--swa-full', [CompletionResultType]::ParameterName, 'Keep a full-length cache for sliding-window layers (config: swa_full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'flashchat;sessions;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Table of sessions, newest first (the default action)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print one session')
            [CompletionResult]::new('search', 'search', [CompletionResultType]::ParameterValue, 'Full-text search across all sessions')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write a session as Markdown, JSON Lines or JSON')
            [CompletionResult]::new('rename', 'rename', [CompletionResultType]::ParameterValue, 'Give a session a new title')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete sessions')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'flashchat;sessions;help;list' {
            break
        }
        'flashchat;sessions;help;show' {
            break
        }
        'flashchat;sessions;help;search' {
            break
        }
        'flashchat;sessions;help;export' {
            break
        }
        'flashchat;sessions;help;rename' {
            break
        }
        'flashchat;sessions;help;delete' {
            break
        }
        'flashchat;sessions;help;help' {
            break
        }
        'flashchat;models' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from FILE instead of the user config file')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on the terminal')
            [CompletionResult]::new('--chat-template', '--chat-template', [CompletionResultType]::ParameterName, 'A Jinja chat template file to use instead of the model''s own (config: chat_template)')
            [CompletionResult]::new('--cache-type-k', '--cache-type-k', [CompletionResultType]::ParameterName, 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)')
            [CompletionResult]::new('--cache-type-v', '--cache-type-v', [CompletionResultType]::ParameterName, 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)')
            [CompletionResult]::new('--flash-attention', '--flash-attention', [CompletionResultType]::ParameterName, 'Flash attention: auto, on or off (config: flash_attention)')
            [CompletionResult]::new('--gpu-layers', '--gpu-layers', [CompletionResultType]::ParameterName, 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)')
            [CompletionResult]::new('--main-gpu', '--main-gpu', [CompletionResultType]::ParameterName, 'The GPU holding the model, or the results when split (config: main_gpu)')
            [CompletionResult]::new('--split-mode', '--split-mode', [CompletionResultType]::ParameterName, 'How several GPUs share a model: none, layer or row (config: split_mode)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table or text')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--swa-full', '--swa-full', [CompletionResultType]::ParameterName, 'Keep a full-length cache for sliding-window layers (config: swa_full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every GGUF found on disk, with size, quantisation and architecture (the default action)')
            [CompletionResult]::new('pull', 'pull', [CompletionResultType]::ParameterValue, 'Download a GGUF from Hugging Face into the shared cache')
            [CompletionResult]::new('info', 'info', [CompletionResultType]::ParameterValue, 'Print a model''s GGUF metadata')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Register a GGUF file where it is (no copy)')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Delete a downloaded model')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make a model the default')
            [CompletionResult]::new('unload', 'unload', [CompletionResultType]::ParameterValue, 'Unload a model from the running server (it loads again when a request names it)')
            [CompletionResult]::new('alias', 'alias', [CompletionResultType]::ParameterValue, 'Give a model a short name')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'flashchat;models;list' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from FILE instead of the user config file')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on the terminal')
            [CompletionResult]::new('--chat-template', '--chat-template', [CompletionResultType]::ParameterName, 'A Jinja chat template file to use instead of the model''s own (config: chat_template)')
            [CompletionResult]::new('--cache-type-k', '--cache-type-k', [CompletionResultType]::ParameterName, 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)')
            [CompletionResult]::new('--cache-type-v', '--cache-type-v', [CompletionResultType]::ParameterName, 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)')
            [CompletionResult]::new('--flash-attention', '--flash-attention', [CompletionResultType]::ParameterName, 'Flash attention: auto, on or off (config: flash_attention)')
            [CompletionResult]::new('--gpu-layers', '--gpu-layers', [CompletionResultType]::ParameterName, 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)')
            [CompletionResult]::new('--main-gpu', '--main-gpu', [CompletionResultType]::ParameterName, 'The GPU holding the model, or the results when split (config: main_gpu)')
            [CompletionResult]::new('--split-mode', '--split-mode', [CompletionResultType]::ParameterName, 'How several GPUs share a model: none, layer or row (config: split_mode)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table or text')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--swa-full', '--swa-full', [CompletionResultType]::ParameterName, 'Keep a full-length cache for sliding-window layers (config: swa_full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'flashchat;models;pull' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from FILE instead of the user config file')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on the terminal')
            [CompletionResult]::new('--chat-template', '--chat-template', [CompletionResultType]::ParameterName, 'A Jinja chat template file to use instead of the model''s own (config: chat_template)')
            [CompletionResult]::new('--cache-type-k', '--cache-type-k', [CompletionResultType]::ParameterName, 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)')
            [CompletionResult]::new('--cache-type-v', '--cache-type-v', [CompletionResultType]::ParameterName, 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)')
            [CompletionResult]::new('--flash-attention', '--flash-attention', [CompletionResultType]::ParameterName, 'Flash attention: auto, on or off (config: flash_attention)')
            [CompletionResult]::new('--gpu-layers', '--gpu-layers', [CompletionResultType]::ParameterName, 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)')
            [CompletionResult]::new('--main-gpu', '--main-gpu', [CompletionResultType]::ParameterName, 'The GPU holding the model, or the results when split (config: main_gpu)')
            [CompletionResult]::new('--split-mode', '--split-mode', [CompletionResultType]::ParameterName, 'How several GPUs share a model: none, layer or row (config: split_mode)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table or text')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--swa-full', '--swa-full', [CompletionResultType]::ParameterName, 'Keep a full-length cache for sliding-window layers (config: swa_full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'flashchat;models;info' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from FILE instead of the user config file')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on the terminal')
            [CompletionResult]::new('--chat-template', '--chat-template', [CompletionResultType]::ParameterName, 'A Jinja chat template file to use instead of the model''s own (config: chat_template)')
            [CompletionResult]::new('--cache-type-k', '--cache-type-k', [CompletionResultType]::ParameterName, 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)')
            [CompletionResult]::new('--cache-type-v', '--cache-type-v', [CompletionResultType]::ParameterName, 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)')
            [CompletionResult]::new('--flash-attention', '--flash-attention', [CompletionResultType]::ParameterName, 'Flash attention: auto, on or off (config: flash_attention)')
            [CompletionResult]::new('--gpu-layers', '--gpu-layers', [CompletionResultType]::ParameterName, 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)')
            [CompletionResult]::new('--main-gpu', '--main-gpu', [CompletionResultType]::ParameterName, 'The GPU holding the model, or the results when split (config: main_gpu)')
            [CompletionResult]::new('--split-mode', '--split-mode', [CompletionResultType]::ParameterName, 'How several GPUs share a model: none, layer or row (config: split_mode)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table or text')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--swa-full', '--swa-full', [CompletionResultType]::ParameterName, 'Keep a full-length cache for sliding-window layers (config: swa_full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'flashchat;models;add' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from FILE instead of the user config file')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on the terminal')
            [CompletionResult]::new('--chat-template', '--chat-template', [CompletionResultType]::ParameterName, 'A Jinja chat template file to use instead of the model''s own (config: chat_template)')
            [CompletionResult]::new('--cache-type-k', '--cache-type-k', [CompletionResultType]::ParameterName, 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)')
            [CompletionResult]::new('--cache-type-v', '--cache-type-v', [CompletionResultType]::ParameterName, 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)')
            [CompletionResult]::new('--flash-attention', '--flash-attention', [CompletionResultType]::ParameterName, 'Flash attention: auto, on or off (config: flash_attention)')
            [CompletionResult]::new('--gpu-layers', '--gpu-layers', [CompletionResultType]::ParameterName, 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)')
            [CompletionResult]::new('--main-gpu', '--main-gpu', [CompletionResultType]::ParameterName, 'The GPU holding the model, or the results when split (config: main_gpu)')
            [CompletionResult]::new('--split-mode', '--split-mode', [CompletionResultType]::ParameterName, 'How several GPUs share a model: none, layer or row (config: split_mode)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table or text')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--swa-full', '--swa-full', [CompletionResultType]::ParameterName, 'Keep a full-length cache for sliding-window layers (config: swa_full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'flashchat;models;rm' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from FILE instead of the user config file')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on the terminal')
            [CompletionResult]::new('--chat-template', '--chat-template', [CompletionResultType]::ParameterName, 'A Jinja chat template file to use instead of the model''s own (config: chat_template)')
            [CompletionResult]::new('--cache-type-k', '--cache-type-k', [CompletionResultType]::ParameterName, 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)')
            [CompletionResult]::new('--cache-type-v', '--cache-type-v', [CompletionResultType]::ParameterName, 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)')
            [CompletionResult]::new('--flash-attention', '--flash-attention', [CompletionResultType]::ParameterName, 'Flash attention: auto, on or off (config: flash_attention)')
            [CompletionResult]::new('--gpu-layers', '--gpu-layers', [CompletionResultType]::ParameterName, 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)')
            [CompletionResult]::new('--main-gpu', '--main-gpu', [CompletionResultType]::ParameterName, 'The GPU holding the model, or the results when split (config: main_gpu)')
            [CompletionResult]::new('--split-mode', '--split-mode', [CompletionResultType]::ParameterName, 'How several GPUs share a model: none, layer or row (config: split_mode)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table or text')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--swa-full', '--swa-full', [CompletionResultType]::ParameterName, 'Keep a full-length cache for sliding-window layers (config: swa_full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'flashchat;models;use' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from FILE instead of the user config file')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on the terminal')
            [CompletionResult]::new('--chat-template', '--chat-template', [CompletionResultType]::ParameterName, 'A Jinja chat template file to use instead of the model''s own (config: chat_template)')
            [CompletionResult]::new('--cache-type-k', '--cache-type-k', [CompletionResultType]::ParameterName, 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)')
            [CompletionResult]::new('--cache-type-v', '--cache-type-v', [CompletionResultType]::ParameterName, 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)')
            [CompletionResult]::new('--flash-attention', '--flash-attention', [CompletionResultType]::ParameterName, 'Flash attention: auto, on or off (config: flash_attention)')
            [CompletionResult]::new('--gpu-layers', '--gpu-layers', [CompletionResultType]::ParameterName, 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)')
            [CompletionResult]::new('--main-gpu', '--main-gpu', [CompletionResultType]::ParameterName, 'The GPU holding the model, or the results when split (config: main_gpu)')
            [CompletionResult]::new('--split-mode', '--split-mode', [CompletionResultType]::ParameterName, 'How several GPUs share a model: none, layer or row (config: split_mode)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table or text')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--swa-full', '--swa-full', [CompletionResultType]::ParameterName, 'Keep a full-length cache for sliding-window layers (config: swa_full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'flashchat;models;unload' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from FILE instead of the user config file')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on the terminal')
            [CompletionResult]::new('--chat-template', '--chat-template', [CompletionResultType]::ParameterName, 'A Jinja chat template file to use instead of the model''s own (config: chat_template)')
            [CompletionResult]::new('--cache-type-k', '--cache-type-k', [CompletionResultType]::ParameterName, 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)')
            [CompletionResult]::new('--cache-type-v', '--cache-type-v', [CompletionResultType]::ParameterName, 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)')
            [CompletionResult]::new('--flash-attention', '--flash-attention', [CompletionResultType]::ParameterName, 'Flash attention: auto, on or off (config: flash_attention)')
            [CompletionResult]::new('--gpu-layers', '--gpu-layers', [CompletionResultType]::ParameterName, 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)')
            [CompletionResult]::new('--main-gpu', '--main-gpu', [CompletionResultType]::ParameterName, 'The GPU holding the model, or the results when split (config: main_gpu)')
            [CompletionResult]::new('--split-mode', '--split-mode', [CompletionResultType]::ParameterName, 'How several GPUs share a model: none, layer or row (config: split_mode)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table or text')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--swa-full', '--swa-full', [CompletionResultType]::ParameterName, 'Keep a full-length cache for sliding-window layers (config: swa_full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'flashchat;models;alias' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from FILE instead of the user config file')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on the terminal')
            [CompletionResult]::new('--chat-template', '--chat-template', [CompletionResultType]::ParameterName, 'A Jinja chat template file to use instead of the model''s own (config: chat_template)')
            [CompletionResult]::new('--cache-type-k', '--cache-type-k', [CompletionResultType]::ParameterName, 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)')
            [CompletionResult]::new('--cache-type-v', '--cache-type-v', [CompletionResultType]::ParameterName, 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)')
            [CompletionResult]::new('--flash-attention', '--flash-attention', [CompletionResultType]::ParameterName, 'Flash attention: auto, on or off (config: flash_attention)')
            [CompletionResult]::new('--gpu-layers', '--gpu-layers', [CompletionResultType]::ParameterName, 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)')
            [CompletionResult]::new('--main-gpu', '--main-gpu', [CompletionResultType]::ParameterName, 'The GPU holding the model, or the results when split (config: main_gpu)')
            [CompletionResult]::new('--split-mode', '--split-mode', [CompletionResultType]::ParameterName, 'How several GPUs share a model: none, layer or row (config: split_mode)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table or text')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--swa-full', '--swa-full', [CompletionResultType]::ParameterName, 'Keep a full-length cache for sliding-window layers (config: swa_full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'flashchat;models;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every GGUF found on disk, with size, quantisation and architecture (the default action)')
            [CompletionResult]::new('pull', 'pull', [CompletionResultType]::ParameterValue, 'Download a GGUF from Hugging Face into the shared cache')
            [CompletionResult]::new('info', 'info', [CompletionResultType]::ParameterValue, 'Print a model''s GGUF metadata')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Register a GGUF file where it is (no copy)')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Delete a downloaded model')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make a model the default')
            [CompletionResult]::new('unload', 'unload', [CompletionResultType]::ParameterValue, 'Unload a model from the running server (it loads again when a request names it)')
            [CompletionResult]::new('alias', 'alias', [CompletionResultType]::ParameterValue, 'Give a model a short name')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'flashchat;models;help;list' {
            break
        }
        'flashchat;models;help;pull' {
            break
        }
        'flashchat;models;help;info' {
            break
        }
        'flashchat;models;help;add' {
            break
        }
        'flashchat;models;help;rm' {
            break
        }
        'flashchat;models;help;use' {
            break
        }
        'flashchat;models;help;unload' {
            break
        }
        'flashchat;models;help;alias' {
            break
        }
        'flashchat;models;help;help' {
            break
        }
        'flashchat;benchmark' {
            [CompletionResult]::new('--iterations', '--iterations', [CompletionResultType]::ParameterName, 'Timed iterations [default: 10 for bench and moebench, 3 for fullbench, else 1]')
            [CompletionResult]::new('--warmup', '--warmup', [CompletionResultType]::ParameterName, 'Untimed iterations before the timed ones')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'CPU threads [default: the `threads` setting]')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Compare with an earlier --json result of the same target; exit 1 when slower')
            [CompletionResult]::new('--max-regression', '--max-regression', [CompletionResultType]::ParameterName, 'How much slower than the baseline''s median fails, in percent')
            [CompletionResult]::new('--save', '--save', [CompletionResultType]::ParameterName, 'Write this run''s JSON result to FILE, to use as a --baseline later')
            [CompletionResult]::new('--depth', '--depth', [CompletionResultType]::ParameterName, 'Layers of the whole model that `moe` extrapolates one layer to [default: 48]')
            [CompletionResult]::new('--tolerance', '--tolerance', [CompletionResultType]::ParameterName, '`verify`: the largest difference between two token probabilities that passes')
            [CompletionResult]::new('--perturb', '--perturb', [CompletionResultType]::ParameterName, '`verify` self-test: shift one batched logit by X times its row''s scale')
            [CompletionResult]::new('--experts-used', '--experts-used', [CompletionResultType]::ParameterName, 'Active experts K per token, overriding the model''s own count')
            [CompletionResult]::new('--layers', '--layers', [CompletionResultType]::ParameterName, 'Synthetic model: layers')
            [CompletionResult]::new('--experts', '--experts', [CompletionResultType]::ParameterName, 'Synthetic model: experts per layer (0 for dense); with a GGUF model, the same as --experts-used')
            [CompletionResult]::new('--embd', '--embd', [CompletionResultType]::ParameterName, 'Synthetic model: embedding width')
            [CompletionResult]::new('--ff', '--ff', [CompletionResultType]::ParameterName, 'Synthetic model: feed-forward width (per expert)')
            [CompletionResult]::new('--quant', '--quant', [CompletionResultType]::ParameterName, 'Synthetic model: tensor type')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from FILE instead of the user config file')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on the terminal')
            [CompletionResult]::new('--chat-template', '--chat-template', [CompletionResultType]::ParameterName, 'A Jinja chat template file to use instead of the model''s own (config: chat_template)')
            [CompletionResult]::new('--cache-type-k', '--cache-type-k', [CompletionResultType]::ParameterName, 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)')
            [CompletionResult]::new('--cache-type-v', '--cache-type-v', [CompletionResultType]::ParameterName, 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)')
            [CompletionResult]::new('--flash-attention', '--flash-attention', [CompletionResultType]::ParameterName, 'Flash attention: auto, on or off (config: flash_attention)')
            [CompletionResult]::new('--gpu-layers', '--gpu-layers', [CompletionResultType]::ParameterName, 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)')
            [CompletionResult]::new('--main-gpu', '--main-gpu', [CompletionResultType]::ParameterName, 'The GPU holding the model, or the results when split (config: main_gpu)')
            [CompletionResult]::new('--split-mode', '--split-mode', [CompletionResultType]::ParameterName, 'How several GPUs share a model: none, layer or row (config: split_mode)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON object: machine, llama.cpp build, model, every iteration, statistics')
            [CompletionResult]::new('--history', '--history', [CompletionResultType]::ParameterName, 'Show earlier runs (of the target, when given) and how their medians moved')
            [CompletionResult]::new('--synthetic', '--synthetic', [CompletionResultType]::ParameterName, 'Measure a synthetic model even when a model is configured')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--swa-full', '--swa-full', [CompletionResultType]::ParameterName, 'Keep a full-length cache for sliding-window layers (config: swa_full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'flashchat;completions' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from FILE instead of the user config file')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour on the terminal')
            [CompletionResult]::new('--chat-template', '--chat-template', [CompletionResultType]::ParameterName, 'A Jinja chat template file to use instead of the model''s own (config: chat_template)')
            [CompletionResult]::new('--cache-type-k', '--cache-type-k', [CompletionResultType]::ParameterName, 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)')
            [CompletionResult]::new('--cache-type-v', '--cache-type-v', [CompletionResultType]::ParameterName, 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)')
            [CompletionResult]::new('--flash-attention', '--flash-attention', [CompletionResultType]::ParameterName, 'Flash attention: auto, on or off (config: flash_attention)')
            [CompletionResult]::new('--gpu-layers', '--gpu-layers', [CompletionResultType]::ParameterName, 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)')
            [CompletionResult]::new('--main-gpu', '--main-gpu', [CompletionResultType]::ParameterName, 'The GPU holding the model, or the results when split (config: main_gpu)')
            [CompletionResult]::new('--split-mode', '--split-mode', [CompletionResultType]::ParameterName, 'How several GPUs share a model: none, layer or row (config: split_mode)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show more detail on stderr (llama.cpp''s own log lines with -v)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors: no status lines or progress')
            [CompletionResult]::new('--swa-full', '--swa-full', [CompletionResultType]::ParameterName, 'Keep a full-length cache for sliding-window layers (config: swa_full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'flashchat;help' {
            [CompletionResult]::new('chat', 'chat', [CompletionResultType]::ParameterValue, 'Chat with the model in the terminal; every turn is saved as a session')
            [CompletionResult]::new('tui', 'tui', [CompletionResultType]::ParameterValue, 'Full-screen workspace: the chat, sessions, models, live metrics and the server''s log in panes')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Run the OpenAI-compatible HTTP server as a background daemon')
            [CompletionResult]::new('prompt', 'prompt', [CompletionResultType]::ParameterValue, 'Answer one prompt on stdout (text piped on stdin is added as context)')
            [CompletionResult]::new('batch', 'batch', [CompletionResultType]::ParameterValue, 'Answer every prompt of a JSONL or CSV file through the server''s slots; reruns go on where one stopped')
            [CompletionResult]::new('compare', 'compare', [CompletionResultType]::ParameterValue, 'Ask several models the same question and show their answers side by side, with their speed')
            [CompletionResult]::new('embed', 'embed', [CompletionResultType]::ParameterValue, 'Embed texts (arguments, or stdin lines) as vectors on stdout')
            [CompletionResult]::new('ps', 'ps', [CompletionResultType]::ParameterValue, 'Show the running server''s loaded models: state, slots, queue, idle time, size')
            [CompletionResult]::new('cache', 'cache', [CompletionResultType]::ParameterValue, 'Show or empty the saved conversation KV states (the cache folder''s kv/)')
            [CompletionResult]::new('mcp', 'mcp', [CompletionResultType]::ParameterValue, 'List, add and remove MCP servers (Model Context Protocol) and see their tools')
            [CompletionResult]::new('templates', 'templates', [CompletionResultType]::ParameterValue, 'List, show, write and edit prompt templates (for `prompt -t NAME`)')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show or change the configuration')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show paths, the resolved model, settings, CPU features and server state')
            [CompletionResult]::new('sessions', 'sessions', [CompletionResultType]::ParameterValue, 'List, show, search, export, rename and delete saved chat sessions')
            [CompletionResult]::new('models', 'models', [CompletionResultType]::ParameterValue, 'List, download, inspect and choose GGUF models')
            [CompletionResult]::new('benchmark', 'benchmark', [CompletionResultType]::ParameterValue, 'Measure expert and whole-model speed (run, verify, bench, moe, moebench, full, fullbench)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'flashchat;help;chat' {
            break
        }
        'flashchat;help;tui' {
            break
        }
        'flashchat;help;serve' {
            break
        }
        'flashchat;help;prompt' {
            break
        }
        'flashchat;help;batch' {
            break
        }
        'flashchat;help;compare' {
            break
        }
        'flashchat;help;embed' {
            break
        }
        'flashchat;help;ps' {
            break
        }
        'flashchat;help;cache' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The folder, its size and bound, and each saved state (the default action)')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Remove every saved state')
            break
        }
        'flashchat;help;cache;list' {
            break
        }
        'flashchat;help;cache;clear' {
            break
        }
        'flashchat;help;mcp' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Start each enabled server, list its tools and stop it (the default action)')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Declare a server in the config file: `mcp add NAME -- COMMAND...` or `--url URL`')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove a server from the config file')
            break
        }
        'flashchat;help;mcp;list' {
            break
        }
        'flashchat;help;mcp;add' {
            break
        }
        'flashchat;help;mcp;rm' {
            break
        }
        'flashchat;help;templates' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Each template with its description and variables (the default action)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print a template''s file')
            [CompletionResult]::new('new', 'new', [CompletionResultType]::ParameterValue, 'Write a new template (an example, or the last prompt) and open it in $VISUAL or $EDITOR')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Open a template in $VISUAL or $EDITOR')
            break
        }
        'flashchat;help;templates;list' {
            break
        }
        'flashchat;help;templates;show' {
            break
        }
        'flashchat;help;templates;new' {
            break
        }
        'flashchat;help;templates;edit' {
            break
        }
        'flashchat;help;config' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print the effective settings (the default action)')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the path of the config file in use')
            break
        }
        'flashchat;help;config;show' {
            break
        }
        'flashchat;help;config;path' {
            break
        }
        'flashchat;help;status' {
            break
        }
        'flashchat;help;sessions' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Table of sessions, newest first (the default action)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print one session')
            [CompletionResult]::new('search', 'search', [CompletionResultType]::ParameterValue, 'Full-text search across all sessions')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write a session as Markdown, JSON Lines or JSON')
            [CompletionResult]::new('rename', 'rename', [CompletionResultType]::ParameterValue, 'Give a session a new title')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete sessions')
            break
        }
        'flashchat;help;sessions;list' {
            break
        }
        'flashchat;help;sessions;show' {
            break
        }
        'flashchat;help;sessions;search' {
            break
        }
        'flashchat;help;sessions;export' {
            break
        }
        'flashchat;help;sessions;rename' {
            break
        }
        'flashchat;help;sessions;delete' {
            break
        }
        'flashchat;help;models' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every GGUF found on disk, with size, quantisation and architecture (the default action)')
            [CompletionResult]::new('pull', 'pull', [CompletionResultType]::ParameterValue, 'Download a GGUF from Hugging Face into the shared cache')
            [CompletionResult]::new('info', 'info', [CompletionResultType]::ParameterValue, 'Print a model''s GGUF metadata')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Register a GGUF file where it is (no copy)')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Delete a downloaded model')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make a model the default')
            [CompletionResult]::new('unload', 'unload', [CompletionResultType]::ParameterValue, 'Unload a model from the running server (it loads again when a request names it)')
            [CompletionResult]::new('alias', 'alias', [CompletionResultType]::ParameterValue, 'Give a model a short name')
            break
        }
        'flashchat;help;models;list' {
            break
        }
        'flashchat;help;models;pull' {
            break
        }
        'flashchat;help;models;info' {
            break
        }
        'flashchat;help;models;add' {
            break
        }
        'flashchat;help;models;rm' {
            break
        }
        'flashchat;help;models;use' {
            break
        }
        'flashchat;help;models;unload' {
            break
        }
        'flashchat;help;models;alias' {
            break
        }
        'flashchat;help;benchmark' {
            break
        }
        'flashchat;help;completions' {
            break
        }
        'flashchat;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
