// n8n-core logs every node error to the console through its own logger; in tests those lines are
// noise around the assertions that check the same errors. Silence n8n's logger (only n8n's).
process.env.N8N_LOG_LEVEL = 'silent';
